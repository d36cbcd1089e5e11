"""Extract the provider's acceptance tests from its Go source into the replayer's data (a dev command).

    python -m alicloud_ml.acceptance extract --mirror /work/.mirror/aliyun+terraform-provider-alicloud/repo

Every `TestAcc*` function of `alicloud/resource_alicloud_*_test.go` at the pinned tag is executed by the
Go interpreter (`dsl.TestRun`) in the environment the provider team's CI gives it: ALICLOUD_REGION set,
credentials set, TF_ACC set, every other variable empty (a test that then skips itself needs the team's
account). What it hands to `resource.Test` becomes one record: its region, and per step the rendered
config, the checks to hold after apply (the DSL's check maps merged in step order), or the import to
verify with its ignore list. A function that cannot be evaluated is listed with the reason.

Only the data is committed (`data/tests/*.json`); tests and CI never read the mirror.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alicloud_ml.acceptance import gofmt
from alicloud_ml.acceptance.dsl import Assert, BuiltConfig, ExistsCheck, MapCheck, TestRun, concrete
from alicloud_ml.acceptance.goexec import Process, Regex, TestAbort, Unevaluable
from alicloud_ml.emulator.ids import ACCOUNT_ID
from alicloud_ml.importer.go_eval import Evaluator, Frame, Struct
from alicloud_ml.importer.go_index import GoPackage, _parser, index_file

TAG = "v1.289.0"
TEST_FILES = re.compile(r"^resource_alicloud_.*_test\.go$")
#: The region the team's CI runs in when a test does not move itself (README Assumptions: the provider's own
#: fallback is cn-beijing, provider_test.go:142; its docs and most region checkouts use cn-hangzhou).
CI_REGION = "cn-hangzhou"


def ci_environment(region: str) -> dict[str, str]:
    """What the acceptance job exports (provider_test.go testAccPreCheck): credentials (never real here),
    the region, TF_ACC, the account id (the emulated account's), and ENABLE_CHECKING_PRE_PAID, which the
    team sets in the job that may buy subscriptions (provider_test.go:284): the emulated cloud bills nothing."""
    return {"ALICLOUD_REGION": region, "ALICLOUD_ACCESS_KEY": "emulated-access-key",
            "ALICLOUD_SECRET_KEY": "emulated-secret-key", "TF_ACC": "1", "ALICLOUD_ACCOUNT_ID": ACCOUNT_ID,
            "ENABLE_CHECKING_PRE_PAID": "true"}


#: Variables a test reads that only steer the CI (not values of the team's account).
CI_SWITCHES = frozenset({"CHECKOUT_REGION", "DEBUG", "ALICLOUD_ACCOUNT_SITE", "ALIBABA_CLOUD_ACCOUNT_TYPE",
                         "ALICLOUD_ACCOUNT_TYPE"})


#: Constants of other Go modules the tests name: aliyun-oss-go-sdk oss/const.go (StorageClassType).
SDK_CONSTANTS = {"oss.StorageStandard": "Standard", "oss.StorageIA": "IA", "oss.StorageArchive": "Archive",
                 "oss.StorageColdArchive": "ColdArchive", "oss.StorageDeepColdArchive": "DeepColdArchive"}


@dataclass
class Source:
    """The provider package (test files included) and the `connectivity` constants tests name."""

    pkg: GoPackage
    externals: dict[str, Any]
    root: Path
    tests: list[tuple[str, str]] = field(default_factory=list)  # (file, function) in source order


def checkout(mirror: Path, tag: str, target: Path) -> Path:
    """`git archive` the tag's alicloud/ folder into `target` (the mirror is a bare repository)."""
    with tempfile.TemporaryFile() as tar:
        subprocess.run(["git", "-C", str(mirror), "archive", tag, "alicloud"], stdout=tar, check=True)
        tar.seek(0)
        with tarfile.open(fileobj=tar) as archive:
            archive.extractall(target, filter="data")
    return target / "alicloud"


def load(directory: Path, progress: Callable[[str], None] | None = None) -> Source:
    """Parse every Go file of the package (tests included) and evaluate connectivity's constants."""
    parser = _parser()
    pkg = GoPackage(root=directory)
    paths = sorted(directory.glob("*.go"))
    for i, path in enumerate(paths, 1):
        index_file(pkg, parser, path)
        if progress is not None and i % 500 == 0:
            progress(f"parsed {i}/{len(paths)} Go files")
    pkg.files = len(paths)
    conn = GoPackage(root=directory / "connectivity")
    for path in sorted((directory / "connectivity").glob("*.go")):
        if not path.name.endswith("_test.go"):
            index_file(conn, parser, path)
    ev = Evaluator(conn)
    externals: dict[str, Any] = dict(SDK_CONSTANTS)
    for table in (conn.consts, conn.vars):
        for name, decl in table.items():
            if decl.node is not None:
                externals[f"connectivity.{name}"] = ev.eval(decl.node, Frame(decl.file))
    source = Source(pkg, externals, directory)
    for path in paths:
        if TEST_FILES.match(path.name):
            rel = f"alicloud/{path.name}"
            source.tests += [(rel, n) for n, d in pkg.funcs.items() if d.file == rel and n.startswith("TestAcc")]
    return source


def extract_test(source: Source, file: str, function: str) -> dict[str, Any]:
    """One test function as a record: `steps`, or `skip` (the test skips itself), or `error` (not evaluable)."""
    decl = source.pkg.funcs[function]
    record: dict[str, Any] = {"function": function, "line": decl.node.start_point[0] + 1 if decl.node else 0}
    process = Process(ci_environment(CI_REGION), gofmt.Draws(f"{file}:{function}"))
    run = TestRun(source.pkg, source.externals, process)
    try:
        run.call_function(decl, [None])
        if not run.cases:
            raise Unevaluable("no resource.Test call")
        case = run.cases[0]
        run.precheck(case)
        record.update(_case(run, case))
    except TestAbort as abort:
        record["skip" if abort.kind == "skip" else "error"] = abort.message or f"t.{abort.kind}"
    except Unevaluable as exc:
        record["error"] = str(exc)
    except RecursionError:
        record["error"] = "recursion too deep"
    except Exception as exc:  # noqa: BLE001 - an interpreter gap fails this test only, and says where
        record["error"] = f"interpreter: {type(exc).__name__}: {exc}"
    record["region"] = process.environ.get("ALICLOUD_REGION", CI_REGION)
    unset = sorted(process.env_read - CI_SWITCHES)
    if unset:
        record["env"] = unset  # read but left empty: values only the team's account has
    return record


def _case(run: TestRun, case: Struct) -> dict[str, Any]:
    fields = case.fields
    steps = fields.get("Steps")
    if not isinstance(steps, list) or not steps:
        raise Unevaluable("resource.TestCase without literal Steps")
    out: dict[str, Any] = {}
    refresh = fields.get("IDRefreshName")
    if isinstance(refresh, str):
        out["resource"] = refresh
    if fields.get("ProviderFactories") is not None:
        out["provider_factories"] = True
    out["steps"] = [_step(run, i, step) for i, step in enumerate(steps)]
    out["configs"] = [{"resource": b.resource, "dependence": b.dependence, **({"overwrite": True} if b.overwrite else {})}
                      for b in run.builders]
    out["maps"] = [{"resource": m.resource, "checks": m.initial} for m in run.maps]
    if "resource" not in out:
        named = [b.resource for b in run.builders] + [s["import"] for s in out["steps"] if "import" in s]
        if named:
            out["resource"] = named[0]
    return out


def _config(run: TestRun, value: Any, what: str) -> dict[str, Any]:
    """A step's config: the builder and its map, or (written by hand) the text."""
    if isinstance(value, BuiltConfig):
        return {"builder": run.builders.index(value.builder), "set": concrete(value.change, what) or {}}
    return {"text": concrete(value, what)}


def _step(run: TestRun, index: int, step: Any) -> dict[str, Any]:
    if not isinstance(step, Struct):
        raise Unevaluable(f"step {index + 1}: not a literal resource.TestStep")
    f = step.fields
    where = f"step {index + 1}"
    if f.get("ImportState") is True:
        out: dict[str, Any] = {"import": concrete(f.get("ResourceName"), f"{where} ResourceName")}
        out["verify"] = f.get("ImportStateVerify") is True
        ignore = concrete(f.get("ImportStateVerifyIgnore") or [], f"{where} ImportStateVerifyIgnore")
        if ignore:
            out["ignore"] = ignore
        for go_name, key in (("ImportStateId", "id"), ("ImportStateIdPrefix", "id_prefix")):
            if f.get(go_name):
                out[key] = concrete(f[go_name], f"{where} {go_name}")
        if f.get("ImportStateIdFunc") is not None:
            raise Unevaluable(f"{where}: ImportStateIdFunc computes the id at run time")
        if f.get("Config"):
            out["config"] = _config(run, f["Config"], f"{where} config")
        return out
    config = f.get("Config")
    if config is None or config == "":
        raise Unevaluable(f"{where}: no config")
    out = {"config": _config(run, config, f"{where} config")}
    expect = f.get("ExpectError")
    if isinstance(expect, Regex):
        out["expect_error"] = expect.pattern
    for go_name, key in (("PlanOnly", "plan_only"), ("ExpectNonEmptyPlan", "expect_non_empty_plan"),
                         ("Destroy", "destroy")):
        if f.get(go_name) is True:
            out[key] = True
    if f.get("PreConfig") is not None:
        out["pre_config"] = True  # run upstream before the step (a sleep, an out-of-band change): not replayed
    if f.get("Taint"):
        out["taint"] = concrete(f["Taint"], f"{where} Taint")
    if "expect_error" not in out and not out.get("plan_only"):  # otherwise upstream never runs the checks
        checks, custom = _checks(run, f.get("Check"))
        if checks:
            out["checks"] = checks
        if custom:
            out["custom_checks"] = custom
    return out


def _checks(run: TestRun, value: Any) -> tuple[list[list[Any]], int]:
    """The step's checks in upstream order: ["map", index, change, resource checked to exist or None],
    ["attr", resource, key, expected], ["exists", resource]; and how many it cannot judge."""
    items = value if isinstance(value, list) else [value] if value is not None else []
    checks: list[list[Any]] = []
    custom = 0
    for item in items:
        if isinstance(item, MapCheck):
            checks.append(["map", run.maps.index(item.attrs), item.change, item.exists])
        elif isinstance(item, Assert):
            checks.append(["attr", item.resource, item.key, item.expected])
        elif isinstance(item, ExistsCheck):
            checks.append(["exists", item.resource])
        elif item is not None:
            custom += 1
    return checks, custom


def compact(records: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    """Texts (dependence HCL, hand-written configs) shared by a file's tests, replaced by their index."""
    texts: list[str] = []
    index: dict[str, int] = {}

    def ref(text: str) -> int:
        if text not in index:
            index[text] = len(texts)
            texts.append(text)
        return index[text]

    for record in records:
        for builder in record.get("configs", []):
            builder["dependence"] = ref(builder["dependence"])
        for step in record.get("steps", []):
            config = step.get("config")
            if config is not None and "text" in config:
                config["text"] = ref(config["text"])
    return texts, records


def extract(source: Source, only: Callable[[str, str], bool] | None = None,
            progress: Callable[[str], None] | None = None) -> dict[str, dict[str, Any]]:
    """{file: {"texts": [...], "tests": [...]}} for every selected test function, in source order."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    started = time.monotonic()
    for i, (file, function) in enumerate(source.tests, 1):
        if only is not None and not only(file, function):
            continue
        by_file.setdefault(file, []).append(extract_test(source, file, function))
        if progress is not None and i % 250 == 0:
            progress(f"evaluated {i}/{len(source.tests)} test functions ({time.monotonic() - started:.0f}s)")
    out = {}
    for file, records in by_file.items():
        texts, records = compact(records)
        out[file] = {"texts": texts, "tests": records}
    return out


def write_archive(extracted: dict[str, dict[str, Any]], target: Path) -> None:
    """The data archive: one member per test source file, written atomically with fixed timestamps (so the
    same source gives the same bytes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in sorted(extracted):
            member = zipfile.ZipInfo(Path(file).name.removesuffix(".go") + ".json", date_time=(2020, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            body = {"file": file, **extracted[file]}
            archive.writestr(member, json.dumps(body, indent=1, sort_keys=True) + "\n")
    partial.replace(target)
