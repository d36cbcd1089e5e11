"""Replay tests with real Terraform against the emulator, many tests to one working directory.

terraform-plugin-sdk v1.17.2 runs a test (helper/resource/testing.go, testing_config.go,
testing_import_state.go) as: for each step, apply its config, run its checks on the state, then plan
(must be empty unless ExpectNonEmptyPlan); an import step imports the resource into an empty state and,
with ImportStateVerify, compares attributes; at the end everything is destroyed and CheckDestroy runs.

A `Batch` does the same for several tests at once: each test is a module (`module.t003`) of one working
directory with its own emulated cloud, seeded with the provider team's account objects. Round `r` runs
every test's step `r`: imports first (import blocks for all of them in one plan, against the state with
those resources removed: an import reads the object afresh), then one apply of every changed module and
one plan whose JSON gives both the refreshed state for the checks and the changes that must be empty.
Terraform names the module in each diagnostic, so a failure is the failing test's alone; its module is
emptied (Terraform destroys it) and the apply retried for the others. A test that finished has its module
emptied too: its destroy is the next apply's, judged like upstream's final destroy, and nothing it ever
created may remain in the emulated cloud. Errors that name no module send the round's tests to run alone.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alicloud_ml import schema
from alicloud_ml.acceptance import classify, flatmap, hcl
from alicloud_ml.acceptance.suite import AccTest, ConfigStep, ImportStep
from alicloud_ml.emulator.seed import apply as apply_seed
from alicloud_ml.emulator.store import Store
from alicloud_ml.fidelity.terraform import STEP_TIMEOUT, Environment, Workspace, _diagnostics

_MODULE = re.compile(r"^module\.(t\d{3})\.")
_FILE = re.compile(r"^(t\d{3})/")
_INDEX = re.compile(r"\[(\d+|\"[^\"]*\")\]$")
#: Marks a failure on an error that names no module: it may be a neighbour's, so the test runs again alone.
NO_MODULE = "(an error naming no module) "


@dataclass
class StepResult:
    index: int  # -1: the destroy at the end
    kind: str  # create, update, replace, import, plan, destroy
    passed: bool
    klass: str | None = None
    message: str = ""

    def to_json(self) -> list[Any]:
        return [self.index, self.kind, self.passed, self.klass, self.message]


@dataclass
class TestResult:
    """A replayed test: passed, or its failure's class and message; every step it reached, the destroy last."""

    __test__ = False  # not a pytest class
    id: str
    passed: bool
    steps: list[StepResult] = field(default_factory=list)
    klass: str | None = None
    message: str = ""
    seconds: float = 0.0
    alone: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "passed": self.passed, "class": self.klass, "message": self.message,
                "seconds": round(self.seconds, 1), "alone": self.alone, "steps": [s.to_json() for s in self.steps]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TestResult:
        steps = [StepResult(*s) for s in data.get("steps", [])]
        return cls(data["id"], data["passed"], steps, data.get("class"), data.get("message", ""),
                   data.get("seconds", 0.0), data.get("alone", False))


@dataclass
class _Run:
    """One test's progress inside a batch."""

    test: AccTest
    module: str
    steps: list[ConfigStep | ImportStep]
    result: TestResult
    state: dict[str, dict[str, str]] = field(default_factory=dict)  # address -> flatmap, refreshed
    ids: set[tuple[str, str]] = field(default_factory=set)  # every managed (type, id) it ever had
    failed: bool = False
    finished: bool = False
    emptied: bool = False

    def fail(self, index: int, kind: str, klass: str, message: str) -> None:
        self.failed = True
        self.result.steps.append(StepResult(index, kind, False, klass, message))
        if self.result.klass is None:
            self.result.klass = classify.refine(klass, message, self.test)
            self.result.message = f"step {index + 1 if index >= 0 else 'destroy'} ({kind}): {message}"


#: Terraform commands run and their seconds, by command (for the timing report).
TIMINGS: dict[str, list[float]] = {}


def _timed(name: str, started: float) -> None:
    entry = TIMINGS.setdefault(name, [0, 0.0])
    entry[0] += 1
    entry[1] += time.monotonic() - started


class Batch:
    """Tests of one region sharing a working directory (`root=True`: one test, its config at the root)."""

    def __init__(self, env: Environment, tests: list[AccTest], root: bool = False):
        assert tests and (not root or len(tests) == 1)
        self.env = env
        self.root = root
        self.region = tests[0].region
        self.runs = [_Run(t, f"t{i:03d}", t.steps(), TestResult(t.id, False, alone=len(tests) == 1))
                     for i, t in enumerate(tests)]
        self.ws: Workspace | None = None

    # -- the working directory -----------------------------------------------------------------
    def _prefix(self, run: _Run) -> str:
        return "" if self.root else f"module.{run.module}."

    def _write(self, run: _Run, config: str) -> None:
        assert self.ws is not None
        target = self.ws.path if self.root else self.ws.path / run.module
        target.mkdir(exist_ok=True)
        (target / "main.tf").write_text(hcl.modernize(config))
        if not self.root and "required_providers" not in config:
            (target / "_providers.tf").write_text(
                'terraform {\n  required_providers {\n    alicloud = {\n      source = "aliyun/alicloud"\n    }\n  }\n}\n')

    def _empty(self, run: _Run) -> None:
        """Take a test's config away: the next apply destroys what it created."""
        if not run.emptied:
            self._write(run, "")
            run.emptied = True

    def _setup(self) -> None:
        self.ws = self.env.workspace(f"acc-{self.runs[0].test.id}-{len(self.runs)}")
        self.ws.env["ALICLOUD_REGION"] = self.region
        if self.env.seed is not None:  # the provider team's account objects, in the test's region
            apply_seed(self.env.seed, Store(self.ws.cloud), [self.region])
        pin = (f'terraform {{\n  required_providers {{\n    alicloud = {{\n      source  = "aliyun/alicloud"\n'
               f'      version = "{schema.provider_version()}"\n    }}\n  }}\n}}\n')
        first = [next((s.config for s in r.steps if isinstance(s, ConfigStep)), "") for r in self.runs]
        if self.root:
            if "required_providers" not in first[0]:
                (self.ws.path / "_providers.tf").write_text(pin)
            return
        modules = "".join(f'module "{r.module}" {{\n  source = "./{r.module}"\n}}\n' for r in self.runs)
        (self.ws.path / "main.tf").write_text(pin + modules)
        for run in self.runs:
            self._write(run, "")

    def terraform(self, *args: str) -> tuple[int, list[dict[str, Any]], list[dict[str, Any]]]:
        """`terraform <args> -json`: exit code, every JSON message, the error diagnostics."""
        assert self.ws is not None
        started = time.monotonic()
        try:
            proc = subprocess.run(["terraform", *args, "-json"], cwd=self.ws.path, env=self.ws.env,
                                  capture_output=True, text=True, timeout=STEP_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            return -1, [], [{"summary": f"terraform {args[0]} timed out after {STEP_TIMEOUT}s", "detail": ""}]
        finally:
            _timed(args[0], started)
        messages = []
        for line in proc.stdout.splitlines():
            try:
                messages.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        errors = _diagnostics(proc.stdout)
        if proc.returncode not in (0, 2) and not errors:
            text = (proc.stderr or proc.stdout).strip()
            errors = [{"summary": text.splitlines()[0] if text else f"terraform {args[0]} exited {proc.returncode}",
                       "detail": text}]
        return proc.returncode, messages, errors

    def _plain(self, *args: str) -> subprocess.CompletedProcess[str]:
        assert self.ws is not None
        started = time.monotonic()
        try:
            return subprocess.run(["terraform", *args], cwd=self.ws.path, env=self.ws.env, capture_output=True,
                                  text=True, timeout=STEP_TIMEOUT, check=False)
        finally:
            _timed(args[0], started)

    # -- attribution ---------------------------------------------------------------------------
    def _owner(self, diagnostic: dict[str, Any]) -> _Run | None:
        if self.root:
            return self.runs[0]
        address = diagnostic.get("address") or ""
        match = _MODULE.match(address)
        if match is None:
            filename = ((diagnostic.get("range") or {}).get("filename") or "")
            match = _FILE.match(filename)
        if match is None:
            return None
        return next((r for r in self.runs if r.module == match.group(1)), None)

    def _split(self, errors: list[dict[str, Any]]) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
        owned: dict[str, list[dict[str, Any]]] = {}
        loose = []
        for diagnostic in errors:
            owner = self._owner(diagnostic)
            if owner is None:
                loose.append(diagnostic)
            else:
                owned.setdefault(owner.module, []).append(diagnostic)
        return owned, loose

    # -- running -------------------------------------------------------------------------------
    def run(self) -> list[TestResult]:
        started = time.monotonic()
        try:
            self._setup()
            code, _, errors = self.terraform("init", "-input=false", "-backend=false")
            if code != 0:
                for run in self.runs:
                    klass, diagnostic = classify.worst(errors, "init")
                    run.fail(0, "init", klass, classify.one_line(diagnostic))
            else:
                self._rounds()
                self._destroy()
        finally:
            if self.ws is not None:
                shutil.rmtree(self.ws.path, ignore_errors=True)
        seconds = (time.monotonic() - started) / len(self.runs)
        for run in self.runs:
            run.result.passed = not run.failed
            run.result.seconds = seconds
        return [r.result for r in self.runs]

    def _live(self) -> list[_Run]:
        return [r for r in self.runs if not r.failed and not r.finished]

    def _rounds(self) -> None:
        for r in range(max(len(run.steps) for run in self.runs)):
            importing = [run for run in self._live() if r < len(run.steps) and isinstance(run.steps[r], ImportStep)]
            configuring = [run for run in self._live() if r < len(run.steps) and isinstance(run.steps[r], ConfigStep)]
            if importing:
                self._imports(r, importing)
            if configuring:
                self._configs(r, configuring)
            for run in self._live():
                if r + 1 >= len(run.steps):
                    run.finished = True
                    if not self.root:
                        self._empty(run)
            for run in self.runs:
                if run.failed and not self.root:
                    self._empty(run)

    # -- config steps ----------------------------------------------------------------------------
    def _configs(self, r: int, runs: list[_Run]) -> None:
        for run in runs:
            step = run.steps[r]
            assert isinstance(step, ConfigStep)
            self._write(run, step.config)
            if step.taint:
                for address in step.taint:
                    self._plain("taint", self._prefix(run) + address)
        pending = list(runs)
        actions: dict[str, set[str]] = {}
        for _attempt in range(4):
            step0 = runs[0].steps[r]
            assert isinstance(step0, ConfigStep)
            if self.root and step0.plan_only:
                break
            args = ("destroy", "-auto-approve", "-input=false") if self.root and step0.destroy \
                else ("apply", "-auto-approve", "-input=false")
            _code, messages, errors = self.terraform(*args)
            for message in messages:
                if message.get("type") == "planned_change":
                    change = message.get("change") or {}
                    owner = self._owner({"address": (change.get("resource") or {}).get("addr", "")})
                    if owner is not None:
                        actions.setdefault(owner.module, set()).add(change.get("action", ""))
            owned, loose = self._split(errors)
            failed_now = []
            for run in pending:
                step = run.steps[r]
                assert isinstance(step, ConfigStep)
                mine = owned.pop(run.module, [])
                if step.expect_error:
                    self._expected_error(run, r, step, mine + loose)
                    continue
                if mine:
                    klass, diagnostic = classify.worst(mine, "apply")
                    run.fail(r, self._kind(run, r, actions), klass, classify.one_line(diagnostic))
                    failed_now.append(run)
            for module, diagnostics in owned.items():  # modules being destroyed: their destroy step
                run = next(x for x in self.runs if x.module == module)
                if not run.failed:
                    klass, diagnostic = classify.worst(diagnostics, "destroy")
                    run.fail(-1, "destroy", classify.DESTROY if klass == classify.OTHER else klass,
                             classify.one_line(diagnostic))
            pending = [run for run in pending if not run.failed]
            if loose:
                for run in pending:
                    klass, diagnostic = classify.worst(loose, "apply")
                    run.fail(r, self._kind(run, r, actions), klass,
                             ("" if self.root else NO_MODULE) + classify.one_line(diagnostic))
                return
            if not failed_now or not pending:
                break
            for run in failed_now:
                self._empty(run)
        if pending:
            self._verify(r, pending, actions)

    def _kind(self, run: _Run, r: int, actions: dict[str, set[str]]) -> str:
        if r == 0 or not any(isinstance(s, ConfigStep) for s in run.steps[:r]):
            return "create"
        step = run.steps[r]
        if isinstance(step, ConfigStep) and (step.plan_only or step.expect_error or step.destroy):
            return "plan" if step.plan_only else "error" if step.expect_error else "destroy"
        return "replace" if "replace" in actions.get(run.module, set()) else "update"

    def _expected_error(self, run: _Run, r: int, step: ConfigStep, errors: list[dict[str, Any]]) -> None:
        text = "\n".join(f"{d.get('summary', '')}: {d.get('detail', '')}" for d in errors)
        if errors and re.search(step.expect_error or "", text):
            run.result.steps.append(StepResult(r, "error", True))
            run.steps[r] = ConfigStep(r, step.config)  # nothing to verify after an expected failure
            run.result.steps[-1].message = "the expected error"
            return
        message = f"expected an error matching {step.expect_error!r}, got " + \
            (classify.one_line(errors[0]) if errors else "none")
        run.fail(r, "error", classify.EXPECTED_ERROR, message)

    def _verify(self, r: int, runs: list[_Run], actions: dict[str, set[str]]) -> None:
        """The checks on the state the apply wrote, then the follow-up plan, whose changes must be none."""
        runs = [run for run in runs if not run.result.steps or run.result.steps[-1].index != r]
        if not runs:
            return
        resources = self._state_resources()
        code, messages, errors = self.terraform("plan", "-input=false", "-detailed-exitcode")
        owned, loose = self._split(errors)
        changes: dict[str, list[str]] = {}
        for message in messages:
            change = message.get("change") or {}
            if message.get("type") != "planned_change" or change.get("action") in ("read", "noop", None):
                continue
            address = (change.get("resource") or {}).get("addr", "")
            owner = self._owner({"address": address})
            if owner is not None:
                changes.setdefault(owner.module, []).append(f"{address}: {change['action']}")
        for run in runs:
            step = run.steps[r]
            assert isinstance(step, ConfigStep)
            kind = self._kind(run, r, actions)
            self._remember(run, resources)
            problems = [p for p in (flatmap.check(run.state.get(self._prefix(run) + res), res, key, want)
                                    for res, key, want in step.checks) if p]
            if problems:
                run.fail(r, kind, classify.CHECK, "; ".join(problems[:3]))
                continue
            mine = owned.get(run.module, []) or loose
            if mine or code not in (0, 2):
                klass, diagnostic = classify.worst(mine, "plan") if mine else \
                    (classify.OTHER, {"summary": f"terraform plan exited {code}"})
                run.fail(r, kind, klass, "follow-up plan: " + classify.one_line(diagnostic))
                continue
            pending = changes.get(run.module, [])
            if pending and not step.expect_non_empty_plan:
                run.fail(r, kind, classify.DRIFT, "After applying this step, the plan was not empty: " + pending[0])
                continue
            run.result.steps.append(StepResult(r, kind, True))

    def _state_resources(self) -> list[dict[str, Any]]:
        """The resources of the state Terraform wrote (terraform.tfstate, the document `terraform show -json`
        renders), as show -json names them: address, mode, type, index, values."""
        assert self.ws is not None
        path = self.ws.path / "terraform.tfstate"
        if not path.exists():
            return []
        out = []
        for resource in json.loads(path.read_text()).get("resources", []):
            prefix = f"{resource['module']}." if resource.get("module") else ""
            kind = "data." if resource.get("mode") == "data" else ""
            base = f"{prefix}{kind}{resource['type']}.{resource['name']}"
            for instance in resource.get("instances", []):
                key = instance.get("index_key")
                address = base if key is None else f"{base}[{json.dumps(key)}]"
                out.append({"address": address, "mode": resource.get("mode"), "type": resource["type"],
                            "index": key, "values": instance.get("attributes") or {}})
        return out

    def _show(self, plan_file: str) -> dict[str, Any] | None:
        proc = self._plain("show", "-json", plan_file)
        try:
            return json.loads(proc.stdout)
        except json.JSONDecodeError:
            return None

    def _remember(self, run: _Run, resources: list[dict[str, Any]]) -> None:
        """The test's resources as flatmaps by the SDK's names (`alicloud_x.y`, `alicloud_x.y.1` under count)."""
        prefix = self._prefix(run)
        mine = [res for res in resources if res["address"].startswith(prefix)]
        counts: dict[str, int] = {}
        for resource in mine:
            base = _INDEX.sub("", resource["address"])
            counts[base] = counts.get(base, 0) + 1
        run.state = {}
        for resource in mine:
            base = _INDEX.sub("", resource["address"])
            index = resource.get("index")
            key = base if index is None or counts[base] == 1 and index == 0 else f"{base}.{index}"
            run.state[key] = flatmap.flatten(resource.get("values") or {})
            if resource.get("mode") == "managed" and run.state[key].get("id"):
                run.ids.add((resource["type"], run.state[key]["id"]))

    # -- import steps ----------------------------------------------------------------------------
    def _imports(self, r: int, runs: list[_Run]) -> None:
        assert self.ws is not None
        targets: dict[str, tuple[_Run, ImportStep, str]] = {}
        for run in runs:
            step = run.steps[r]
            assert isinstance(step, ImportStep)
            address = self._prefix(run) + step.resource
            state = run.state.get(address)
            if state is None or not state.get("id"):
                run.fail(r, "import", classify.IMPORT, f"{step.resource}: not in state to import")
                continue
            targets[address] = (run, step, step.id_prefix + (step.id or state["id"]))
        if not targets:
            return
        state_file = self.ws.path / "terraform.tfstate"
        backup = state_file.read_bytes()
        try:
            removed = self._plain("state", "rm", *[_hcl_address(a) for a in targets])
            if removed.returncode != 0:
                for run, _step, _id in targets.values():
                    run.fail(r, "import", classify.OTHER, f"terraform state rm: {removed.stderr.strip()[:200]}")
                return
            (self.ws.path / "_import.tf").write_text("".join(
                f'import {{\n  to = {_hcl_address(a)}\n  id = "{_escape(i)}"\n}}\n' for a, (_, _, i) in targets.items()))
            code, _, errors = self.terraform("plan", "-input=false", "-out=import.tfplan",
                                             *[f"-target={_hcl_address(a)}" for a in targets])
            owned, loose = self._split(errors)
            plan = self._show("import.tfplan") if code in (0, 2) else None
            imported = {}
            for change in (plan or {}).get("resource_changes", []):
                if (change.get("change") or {}).get("importing") is not None:
                    imported[_sdk_name(change["address"])] = change["change"].get("before") or {}
            for address, (run, step, _id) in targets.items():
                mine = owned.get(run.module, []) or loose
                if mine or address not in imported:
                    klass, diagnostic = classify.worst(mine, "import") if mine else \
                        (classify.IMPORT, {"summary": "nothing imported"})
                    run.fail(r, "import", klass if klass != classify.OTHER else classify.IMPORT,
                             classify.one_line(diagnostic))
                    continue
                if step.verify:
                    difference = flatmap.import_difference(flatmap.flatten(imported[address]), run.state[address],
                                                           step.ignore)
                    if difference:
                        shown = "; ".join(f"{k}: imported {a!r}, state {b!r}" for k, (a, b) in
                                          list(difference.items())[:4])
                        run.fail(r, "import", classify.IMPORT, f"ImportStateVerify attributes not equivalent: {shown}")
                        continue
                run.result.steps.append(StepResult(r, "import", True))
        finally:
            state_file.write_bytes(backup)
            for name in ("_import.tf", "import.tfplan"):
                (self.ws.path / name).unlink(missing_ok=True)

    # -- the end -------------------------------------------------------------------------------
    def _destroy(self) -> None:
        assert self.ws is not None
        _code, _, errors = self.terraform("destroy", "-auto-approve", "-input=false")
        owned, loose = self._split(errors)
        store = Store(self.ws.cloud)
        for run in self.runs:
            if run.failed:
                continue
            mine = owned.get(run.module, []) or loose
            if mine:
                klass, diagnostic = classify.worst(mine, "destroy")
                run.fail(-1, "destroy", classify.DESTROY if klass == classify.OTHER else klass,
                         classify.one_line(diagnostic))
                continue
            left = sorted(f"{t} {i}" for t, i in run.ids if store.get(t, i) is not None)
            if left:
                run.fail(-1, "destroy", classify.DESTROY, f"left behind in the cloud: {', '.join(left[:3])}")
                continue
            run.result.steps.append(StepResult(-1, "destroy", True))


def _resources(module: dict[str, Any]) -> list[dict[str, Any]]:
    out = list(module.get("resources") or [])
    for child in module.get("child_modules") or []:
        out += _resources(child)
    return out


def _sdk_name(address: str) -> str:
    """`module.t001.alicloud_x.y[0]` -> `module.t001.alicloud_x.y.0` (the SDK's flat name)."""
    match = _INDEX.search(address)
    return address if match is None else _INDEX.sub("", address) + "." + match.group(1).strip('"')


def _hcl_address(address: str) -> str:
    """`alicloud_instance.default.0` (the SDK's name) -> `alicloud_instance.default[0]` (Terraform's)."""
    parts = address.split(".")
    if parts and parts[-1].isdigit():
        return ".".join(parts[:-1]) + f"[{parts[-1]}]"
    return address


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${")


__all__ = ["Batch", "StepResult", "TestResult", "Path"]
