"""Function dependencies for the FC runtime: fetched once per content from the user's registry, cached, and a
package that cannot import on its runtime blocks a real account's stack but not the emulator's."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from alicloud_ml.constructs import _fc_package, _fc_runtime


def _wheel(wheelhouse: Path, name: str, tag: str, files: dict[str, bytes], pure: bool) -> Path:
    """A minimal wheel (PEP 427) with a RECORD, as a package index would serve it."""
    dist_info = f"{name}-1.0.dist-info"
    files = {**files, f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n".encode(),
             f"{dist_info}/WHEEL": f"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: {str(pure).lower()}\n"
                                   f"Tag: {tag}\n".encode()}
    record = [f"{path},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},"
              f"{len(data)}" for path, data in files.items()]
    files[f"{dist_info}/RECORD"] = ("\n".join([*record, f"{dist_info}/RECORD,,"]) + "\n").encode()
    path = wheelhouse / f"{name}-1.0-{tag}.whl"
    with zipfile.ZipFile(path, "w") as zf:
        for arc, data in files.items():
            zf.writestr(arc, data)
    return path


@pytest.fixture()
def wheelhouse(tmp_path, monkeypatch):
    """An offline index of one compiled distribution, built for CPython 3.12 on manylinux x86_64 only."""
    house = tmp_path / "wheelhouse"
    house.mkdir()
    _wheel(house, "fastext", "cp312-cp312-manylinux2014_x86_64",
           {"fastext/__init__.py": b"from ._speed import go\n",
            "fastext/_speed.cpython-312-x86_64-linux-gnu.so": b"\x7fELF not really"}, pure=False)
    monkeypatch.setenv(_fc_runtime.RUNTIME_CACHE_ENV, str(tmp_path / "runtime"))
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)  # only this wheelhouse, whatever the machine's pip.conf says
    return ["--no-index", "--find-links", str(house)]


def test_the_runtime_wheels_are_fetched_once_and_then_read_from_the_cache(wheelhouse, monkeypatch):
    site = _fc_runtime.fetch_site(["fastext==1.0"], extra_pip_args=wheelhouse)

    assert (site / "fastext" / "_speed.cpython-312-x86_64-linux-gnu.so").is_file()
    assert _fc_runtime.cached_site(["fastext==1.0"]) == site and site.parent == Path(os.environ[
        _fc_runtime.RUNTIME_CACHE_ENV])
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("pip ran again for a cached site"))
    assert _fc_runtime.fetch_site(["fastext==1.0"], extra_pip_args=wheelhouse) == site


def test_a_package_from_the_runtime_site_keeps_the_python312_extension(wheelhouse, tmp_path):
    site = _fc_runtime.fetch_site(["fastext==1.0"], extra_pip_args=wheelhouse)

    package = _fc_package.build_package([("index.py", b"import fastext\n")], ["fastext"], site)

    names = zipfile.ZipFile(package.path).namelist()
    assert "fastext/_speed.cpython-312-x86_64-linux-gnu.so" in names and package.unavailable_on_target == []
    assert package.path.name == f"{package.sha256}.zip"


def test_a_pin_the_registry_cannot_serve_is_a_fetch_error_naming_it(wheelhouse):
    with pytest.raises(_fc_runtime.FetchError, match="fastext==2.0"):
        _fc_runtime.fetch_site(["fastext==2.0"], extra_pip_args=wheelhouse)
    assert _fc_runtime.cached_site(["fastext==2.0"]) is None
    assert not [p for p in Path(os.environ[_fc_runtime.RUNTIME_CACHE_ENV]).iterdir() if p.name.startswith(".")]


def test_the_key_of_a_runtime_site_is_its_pins_in_any_order():
    assert _fc_runtime.site_key(["a==1", "b==2"]) == _fc_runtime.site_key(["b==2", "a==1"])
    assert _fc_runtime.site_key(["a==1", "b==2"]) != _fc_runtime.site_key(["a==1", "b==3"])


def test_only_compiled_distributions_are_fetched():
    pins = _fc_package.runtime_pins(["alibabacloud_pai_dsw20220101"])
    names = {p.split("==")[0] for p in pins}
    assert {"cffi", "cryptography"} <= names  # the extensions the SDK cannot import without
    assert not names & {"alibabacloud-tea", "alibabacloud-pai-dsw20220101", "requests"}  # pure Python, taken as is
    assert _fc_package.runtime_pins(["pg8000"]) == []


def _gated_reaper(tmp_path: Path, backend: str) -> object:
    """Synthesize a stack with the reaper and the given backend kind, and gate it."""
    from alicloud_ml._cdk import App, LocalBackend, OssBackend, TerraformStack
    from alicloud_ml.constructs.notebooks import NotebookReaper
    from alicloud_ml.policies.gate import run_gate
    from alicloud_ml.provider import AlicloudProvider

    tmp_path.mkdir()
    app = App(outdir=str(tmp_path / "out"))
    stack = TerraformStack(app, "ml-dev")
    AlicloudProvider(stack, "alicloud", region="cn-shanghai")
    if backend == "local":
        LocalBackend(stack, path="terraform.ml-dev.tfstate")
    else:
        OssBackend(stack, bucket="tf-state", prefix="ml", key="dev.tfstate", region="cn-shanghai", encrypt=True,
                   acl="private", tablestore_endpoint="https://tf.cn-shanghai.ots.aliyuncs.com",
                   tablestore_table="lock")
    NotebookReaper(stack, "Reaper", region="cn-shanghai", log_project="ml-dev-logs",
                   props={"function_name": "ml-dev-reaper", "workspace_id": "ws-1"})
    app.synth()
    return run_gate(tmp_path / "out")


def test_offline_with_an_empty_cache_a_real_accounts_stack_is_blocked_and_the_emulators_is_not(tmp_path, monkeypatch):
    # GIVEN no python3.12 wheels in the cache and no way to fetch them
    monkeypatch.setenv(_fc_runtime.RUNTIME_CACHE_ENV, str(tmp_path / "empty"))
    monkeypatch.setenv(_fc_runtime.FETCH_ENV, "0")
    # WHEN the reaper is synthesized and gated for a real account (OSS state) and for the emulator (local state)
    cloud = _gated_reaper(tmp_path / "cloud", "oss")
    emulator = _gated_reaper(tmp_path / "emulator", "local")
    # THEN the real account's stack fails ALIML_025, naming what cannot import and why; the emulator's does not
    [blocked] = [f for f in cloud.blocking if f.check_id == "ALIML_025"]
    assert "_cffi_backend" in blocked.message and "python3.12" in blocked.message
    assert "ALICLOUD_ML_FC_FETCH=0" in blocked.message and blocked.construct_path == "ml-dev/Reaper/Code"
    assert not [f for f in emulator.findings if f.check_id == "ALIML_025" and f.status != "passed"]
    assert json.dumps([f.message for f in emulator.failed]).count("_cffi_backend") == 0
