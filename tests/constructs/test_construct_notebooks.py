from __future__ import annotations

import glob
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import synth

from alicloud_ml.constructs import _fc_package
from alicloud_ml.constructs._fc_package import SITE_PACKAGES_ENV
from alicloud_ml.constructs.notebooks import NotebookReaper, reaper_package, region_time_zone
from alicloud_ml.props.notebooks import NotebookReaperProps
from alicloud_ml.errors import InputError
from alicloud_ml.handlers.notebook_reaper import REQUIRED_ACTIONS

BASE = {"function_name": "ml-dev-reaper", "workspace_id": "ws-123"}


def _reaper(stack, **props):
    return NotebookReaper(stack, "Reaper", region="cn-shanghai", log_project="ml-dev-logs", props={**BASE, **props})


def test_reaper_runs_python312_at_1900_shanghai_time_with_the_handler_env(stack):
    reaper = _reaper(stack)

    out = synth(stack)

    fn = out.one("alicloud_fcv3_function")
    assert (fn["runtime"], fn["handler"], fn["internet_access"]) == ("python3.12", "index.handler", True)
    assert fn["environment_variables"] == {"DSW_WORKSPACE_ID": "ws-123", "DSW_REGION": "cn-shanghai",
                                           "EXEMPT_TAG": "overnight=true",
                                           "ALICLOUD_ML_CODE_SHA256": reaper.package.sha256[:16]}
    assert "vpc_config" not in fn
    # the ZIP is an object of the stack's code bucket, named by its digest; state holds names, not base64
    code = out.one("alicloud_oss_bucket_object")
    ref = f"alicloud_oss_bucket_object.{next(iter(out.resources('alicloud_oss_bucket_object')))}"
    assert code["key"] == f"fc-code/ml-dev-reaper/{reaper.package.sha256}.zip"
    assert code["source"].startswith("assets/") and code["source"].endswith(f"/{reaper.package.sha256}.zip")
    assert code["lifecycle"] == {"create_before_destroy": True} and code["bucket"].startswith("${alicloud_oss_bucket.")
    assert fn["code"] == [{"oss_bucket_name": f"${{{ref}.bucket}}", "oss_object_name": f"${{{ref}.key}}"}]
    assert out.one("alicloud_oss_bucket")["bucket"].startswith("test-fc-code-${data.alicloud_account.")
    trigger = out.one("alicloud_fcv3_trigger")
    assert (trigger["trigger_type"], trigger["qualifier"]) == ("timer", "LATEST")
    assert json.loads(trigger["trigger_config"]) == {"cronExpression": "CRON_TZ=Asia/Shanghai 0 0 19 * * *",
                                                     "enable": True, "payload": ""}
    assert fn["log_config"][0]["project"] == "ml-dev-logs"
    assert fn["log_config"][0]["logstore"].startswith("${alicloud_log_store.")
    assert out.one("alicloud_log_store")["logstore_name"] == "notebook-reaper"
    assert reaper.cron_expression == "CRON_TZ=Asia/Shanghai 0 0 19 * * *"


def test_reaper_role_is_trusted_by_fc_and_allows_only_the_handlers_actions(stack):
    _reaper(stack)

    out = synth(stack)

    trust = json.loads(out.one("alicloud_ram_role")["assume_role_policy_document"])
    assert trust["Statement"] == [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                   "Principal": {"Service": ["fc.aliyuncs.com"]}}]
    dsw, log = json.loads(out.one("alicloud_ram_policy")["policy_document"])["Statement"]
    assert dsw == {"Effect": "Allow", "Action": list(REQUIRED_ACTIONS), "Resource": ["*"]}
    assert REQUIRED_ACTIONS == ("paidsw:ListInstances", "paidsw:StopInstance")
    assert log == {"Effect": "Allow", "Action": ["log:PostLogStoreLogs"],
                   "Resource": ["acs:log:cn-shanghai:*:project/ml-dev-logs/logstore/notebook-reaper"]}
    assert out.one("alicloud_fcv3_function")["role"].startswith("${alicloud_ram_role.")


def test_schedule_zone_exempt_tag_idle_and_dry_run_are_configurable(stack):
    reaper = _reaper(stack, cron="0 30 20 * * 1-5", time_zone="Europe/Berlin", exempt_tag="keep=yes",
                     idle_minutes=60, dry_run=True)

    out = synth(stack)

    assert json.loads(out.one("alicloud_fcv3_trigger")["trigger_config"])["cronExpression"] == (
        "CRON_TZ=Europe/Berlin 0 30 20 * * 1-5")
    assert out.one("alicloud_fcv3_function")["environment_variables"] == {
        "DSW_WORKSPACE_ID": "ws-123", "DSW_REGION": "cn-shanghai", "EXEMPT_TAG": "keep=yes", "IDLE_MINUTES": "60",
        "DRY_RUN": "true", "ALICLOUD_ML_CODE_SHA256": reaper.package.sha256[:16]}


def test_default_zone_follows_the_region():
    assert region_time_zone("cn-hangzhou") == "Asia/Shanghai"
    assert region_time_zone("ap-southeast-1") == "Asia/Singapore"
    assert region_time_zone("eu-central-1") == "Europe/Berlin"


@pytest.mark.parametrize("bad", [{"cron": "0 19 * * *"}, {"cron": "CRON_TZ=UTC 0 0 19 * * *"},
                                 {"time_zone": "Mars/Olympus"}, {"exempt_tag": "overnight"},
                                 {"estimate_notebooks": 2}])
def test_bad_reaper_props_are_refused_with_the_field(stack, bad):
    with pytest.raises(InputError, match=r"test/Reaper: " + next(iter(bad)) if "estimate" not in next(iter(bad))
                       else r"estimate_instance_type"):
        _reaper(stack, **bad)


def test_reaper_needs_a_workspace(stack):
    with pytest.raises(InputError, match="workspace_id: no workspace to reap"):
        NotebookReaper(stack, "Reaper", region="cn-shanghai", log_project="p", props={"function_name": "r"})


def test_savings_estimate_travels_as_function_tags(stack):
    _reaper(stack, estimate_notebooks=3, estimate_instance_type="ecs.gn7i-c8g1.2xlarge", estimate_resume_hour=8)

    tags = synth(stack).one("alicloud_fcv3_function")["tags"]

    assert tags == {"ml.alicloud/reaper-estimate-notebooks": "3",
                    "ml.alicloud/reaper-estimate-instance-type": "ecs.gn7i-c8g1.2xlarge",
                    "ml.alicloud/reaper-estimate-hours-per-night": "13"}
    assert NotebookReaperProps(**BASE, cron="0 0 22 * * *").stopped_hours_per_night == 11


def test_code_package_is_deterministic_and_holds_the_handler_shim_and_sdk(tmp_path, monkeypatch):
    monkeypatch.setenv("ALICLOUD_ML_CACHE_DIR", str(tmp_path / "one"))
    first = _fc_package.build_package(*_sources())
    monkeypatch.setenv("ALICLOUD_ML_CACHE_DIR", str(tmp_path / "two"))  # built again, not read from the cache
    second = _fc_package.build_package(*_sources())

    assert first.data == second.data and first.sha256 == second.sha256 and first.path != second.path
    names = zipfile.ZipFile(io.BytesIO(first.data)).namelist()
    assert names == sorted(names)
    assert "index.py" in names and "alicloud_ml/handlers/notebook_reaper/handler.py" in names
    assert "alicloud_ml/handlers/notebook_reaper/fake_dsw.py" not in names
    assert any(n.startswith("alibabacloud_pai_dsw20220101/") for n in names)
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
    infos = zipfile.ZipFile(io.BytesIO(first.data)).infolist()
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(first.data)).read("alicloud_ml_package.json"))
    assert manifest["runtime"] == "python3.12"
    assert manifest["distributions"]["alibabacloud-pai-dsw20220101"] == "2.4.0"


def test_extensions_for_another_interpreter_are_left_out_and_those_without_a_fallback_are_named():
    assert _fc_package.loadable_on_target("_rust.abi3.so")
    assert _fc_package.loadable_on_target("_cffi_backend.cpython-312-x86_64-linux-gnu.so")
    assert not _fc_package.loadable_on_target("_cffi_backend.cpython-311-x86_64-linux-gnu.so")
    assert not _fc_package.loadable_on_target("_cffi_backend.cpython-312-aarch64-linux-gnu.so")
    files = {"yarl/_quoting_c.pyx", "multidict/_multidict_py.py"}
    assert _fc_package.has_fallback(_fc_package.PurePosixPath("yarl/_quoting_c.cpython-311-x86_64-linux-gnu.so"), files)
    assert _fc_package.has_fallback(_fc_package.PurePosixPath("multidict/_multidict.cpython-311-x86_64-linux-gnu.so"),
                                    files)
    assert not _fc_package.has_fallback(_fc_package.PurePosixPath("_cffi_backend.cpython-311-x86_64-linux-gnu.so"),
                                        files)


@pytest.mark.skipif(sys.version_info[:2] == (3, 12), reason="built on the target interpreter, nothing is left out")
def test_an_emulated_stack_builds_from_this_interpreter_without_a_warning(stack):
    # GIVEN a stack with local state (the emulator, which never runs function code)
    from alicloud_ml._cdk import LocalBackend

    LocalBackend(stack, path="terraform.test.tfstate")
    # WHEN the reaper is built: this interpreter's packages, no network, no python3.12 wheels
    reaper = _reaper(stack)
    # THEN the package says what it could not import there, and nobody is warned at synth (the gate decides)
    assert any(n.startswith("_cffi_backend.") for n in reaper.package.unavailable_on_target)
    assert not any("cannot import" in json.dumps(str(entry.data)) for entry in reaper.node.metadata)
    app = stack.node.root
    app.synth()  # Testing.synth leaves out the "//" metadata the gate reads
    doc = json.loads((Path(app.outdir) / "stacks" / "test" / "cdk.tf.json").read_text())
    [code] = doc["resource"]["alicloud_oss_bucket_object"].values()
    meta = code["//"]
    assert meta["alicloud_ml"]["code_package"]["unavailable_on_target"] == reaper.package.unavailable_on_target


def test_a_stack_for_a_real_account_gets_the_python312_wheels_from_the_cache(stack):
    # the user cache holds them once `make install` ran (the suite never runs pip: ALICLOUD_ML_FC_FETCH=0)
    from alicloud_ml.constructs import _fc_runtime

    pins = _fc_package.runtime_pins(["alibabacloud_pai_dsw20220101"])
    if _fc_runtime.cached_site(pins) is None:
        pytest.skip("no python3.12 wheels in the cache: run `make install` with access to your package index")
    reaper = _reaper(stack)

    assert reaper.package.unavailable_on_target == [] and reaper.package.note == ""
    names = zipfile.ZipFile(reaper.package.path).namelist()
    assert any(n.startswith("_cffi_backend.cpython-312-x86_64-linux-gnu") for n in names)
    assert {"cffi", "cryptography", "alibabacloud-pai-dsw20220101"} <= reaper.package.distributions.keys()


def _sources():
    import alicloud_ml.handlers.notebook_reaper as pkg

    root = Path(pkg.__file__).parent
    return ([("index.py", root / "handler.py"),
             *_fc_package.module_files(root, "alicloud_ml/handlers/notebook_reaper", exclude=("fake_dsw.py",
                                                                                              "demo.py"))],
            ["alibabacloud_pai_dsw20220101"])


def _python312() -> str | None:
    """A working CPython 3.12 (the FC runtime's version): on PATH, or a pyenv install (not its shim)."""
    for candidate in [*sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.12*/bin/python3.12"))),
                      shutil.which("python3.12")]:
        if candidate and subprocess.run([candidate, "-c", "import sys; assert sys.version_info[:2] == (3, 12)"],
                                        capture_output=True).returncode == 0:
            return candidate
    return None


def _runtime_wheels() -> bool:
    """The python3.12 wheels are at hand: fetched into the cache (`make install`) or named by ALICLOUD_ML_FC_SITE_PACKAGES."""
    from alicloud_ml.constructs import _fc_runtime

    pins = _fc_package.runtime_pins(["alibabacloud_pai_dsw20220101"])
    return bool(os.environ.get(SITE_PACKAGES_ENV)) or _fc_runtime.cached_site(pins) is not None


@pytest.mark.skipif(_python312() is None or not _runtime_wheels(),
                    reason="needs a Python 3.12 and the python3.12 wheels (run `make install` with a network)")
def test_the_package_runs_on_python312_through_the_sdk_against_the_loopback_dsw_api(tmp_path):
    # GIVEN the code package built from python3.12 wheels, unpacked the way FC unpacks it
    from alicloud_ml.handlers.notebook_reaper.demo import EVENT, WORKSPACE, sample_workspace
    from alicloud_ml.handlers.notebook_reaper.fake_dsw import FakeDsw

    package = reaper_package()
    assert package.unavailable_on_target == []
    zipfile.ZipFile(io.BytesIO(package.data)).extractall(tmp_path / "code")
    code = ("import json, sys, types; sys.path.insert(0, sys.argv[1]); import index; "
            "print('SUMMARY ' + json.dumps(index.handler(sys.argv[2].encode(), types.SimpleNamespace(region='x'))))")
    with FakeDsw(sample_workspace()) as fake:
        # the python3.12 runtime's credential shape: ALIBABA_CLOUD_* variables, no context.credentials
        env = {"PATH": "/usr/bin:/bin", "DSW_WORKSPACE_ID": WORKSPACE, "DSW_ENDPOINT": fake.endpoint,
               "DSW_REGION": "cn-hangzhou", "ALIBABA_CLOUD_ACCESS_KEY_ID": fake.access_key_id,
               "ALIBABA_CLOUD_ACCESS_KEY_SECRET": fake.access_key_secret,
               "ALIBABA_CLOUD_SECURITY_TOKEN": fake.security_token}
        # WHEN a bare, isolated Python 3.12 imports `index` from the ZIP and calls the handler
        run = subprocess.run([_python312(), "-I", "-c", code, str(tmp_path / "code"), EVENT.decode()], env=env,
                             capture_output=True, text=True, timeout=120)
        fake.settle()
        stopped = sorted(fake.stop_calls)
        overnight = fake.status_of("dsw-demo-overnight-train")
    # THEN the untagged running notebooks are stopped and the overnight one is spared
    assert run.returncode == 0, run.stderr[-2000:]
    summary = json.loads(run.stdout.split("SUMMARY ", 1)[1])
    assert (summary["stopped"], summary["spared"], summary["failed"]) == (3, 2, 0)
    assert stopped == ["dsw-demo-cpu-etl", "dsw-demo-cv-explore", "dsw-demo-llm-finetune"]
    assert overnight == "Running"
