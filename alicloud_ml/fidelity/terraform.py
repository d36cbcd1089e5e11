"""Real `terraform` against the emulator, offline, one working directory and emulated cloud per run.

The emulator's installer writes a CLI config that takes aliyun/alicloud from its filesystem mirror
and everything else from the registry (`direct`). A fidelity run must never reach the network, so
it uses a copy of that config without the `direct` block: a provider that is not mirrored fails
`terraform init` at once ("not found in any of the search locations"), which classifies the
example as needing another provider instead of hanging on DNS.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alicloud_ml.emulator.install import install
from alicloud_ml.emulator.seed import apply as apply_seed
from alicloud_ml.emulator.seed import load as load_seed
from alicloud_ml.emulator.store import STATE_ENV, Store

#: The region examples without a provider block run in: the one the provider's docs are written for
#: (most explicit `region =` in the corpus is cn-hangzhou).
DEFAULT_REGION = "cn-hangzhou"
PROVIDERS_FILE = "_fidelity_providers.tf"
STEP_TIMEOUT = 600
_DROPPED_ENV = {"TF_PLUGIN_CACHE_DIR", "TF_CLI_CONFIG_FILE", "TF_LOG", "TF_LOG_PATH", "TF_DATA_DIR", "TF_WORKSPACE",
                "TF_INPUT", "ALICLOUD_REGION", "ALIBABA_CLOUD_REGION", "ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY",
                "ALICLOUD_PROFILE", STATE_ENV}
_DIRECT = re.compile(r"^[ \t]*direct[ \t]*\{[^{}]*\}[ \t]*\n", re.M)
_PLUGIN_CACHE = re.compile(r"^[ \t]*plugin_cache_dir[ \t]*=.*\n", re.M)


def offline_cli_config(installed: Path) -> Path:
    """A copy of the installer's CLI config with no `direct` installation and no plugin cache."""
    text = _PLUGIN_CACHE.sub("", _DIRECT.sub("", installed.read_text()))
    target = installed.with_name("terraform-offline.rc")
    target.write_text("# alicloud-ml fidelity: the installer's config without network installation\n" + text)
    return target


def provider_pin(version: str) -> str:
    """The `required_providers` an example needs: docs examples rely on the registry's implied source."""
    return ('terraform {\n  required_providers {\n'
            f'    alicloud = {{\n      source  = "aliyun/alicloud"\n      version = "{version}"\n    }}\n'
            '  }\n}\n')


@dataclass
class Step:
    """One terraform command: its exit code, its error diagnostics (Terraform's JSON), and any plan changes."""

    name: str
    returncode: int
    errors: list[dict[str, Any]] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.errors


class Environment:
    """The emulator installed once (under `root`) and the environment every run shares."""

    def __init__(self, root: Path, region: str = DEFAULT_REGION, seed: Path | None = None):
        self.root = root
        self.seed = load_seed(seed) if seed is not None else None  # parsed once: a bad file fails here
        self.cli_config = offline_cli_config(install(root / "emulator-install"))
        self.region = region
        self.env = {k: v for k, v in os.environ.items()
                    if k not in _DROPPED_ENV and not k.startswith(("TF_VAR_", "TF_CLI_ARGS"))}
        self.env.update(TF_CLI_CONFIG_FILE=str(self.cli_config), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
                        ALICLOUD_REGION=region)

    def workspace(self, name: str, seeded: bool = False) -> Workspace:
        """A fresh working directory with its own emulated cloud, holding the seed's objects when `seeded`."""
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", name)
        ws = Workspace(Path(tempfile.mkdtemp(prefix=f"{safe}-", dir=self.root)), self)
        if seeded and self.seed is not None:
            apply_seed(self.seed, Store(ws.cloud))
        return ws


class Workspace:
    """A Terraform working directory wired to the emulator."""

    def __init__(self, path: Path, environment: Environment):
        self.path = path
        self.cloud = path / ".cloud"
        self.env = {**environment.env, STATE_ENV: str(self.cloud)}

    def terraform(self, name: str, *args: str) -> Step:
        """Run `terraform <args> -json`; collect error diagnostics, or stderr when there are none."""
        started = time.monotonic()
        try:
            proc = subprocess.run(["terraform", *args, "-json"], cwd=self.path, env=self.env, capture_output=True,
                                  text=True, timeout=STEP_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            return Step(name, -1, [{"summary": f"terraform {name} timed out after {STEP_TIMEOUT}s", "detail": ""}],
                        seconds=time.monotonic() - started)
        errors = _diagnostics(proc.stdout)
        if proc.returncode not in (0, 2) and not errors:
            text = (proc.stderr or proc.stdout).strip()
            errors = [{"summary": text.splitlines()[0] if text else f"terraform {name} exited {proc.returncode}",
                       "detail": text}]
        return Step(name, proc.returncode, errors, seconds=time.monotonic() - started)

    def lifecycle(self) -> list[Step]:
        """init -> validate -> apply -> plan (must be empty) -> destroy, stopping at the first failure."""
        steps = []
        for name, args in (("init", ("init", "-input=false", "-backend=false")),
                           ("validate", ("validate",)),
                           ("apply", ("apply", "-auto-approve", "-input=false")),
                           ("plan", ("plan", "-detailed-exitcode", "-input=false", "-out=fidelity.tfplan")),
                           ("destroy", ("destroy", "-auto-approve", "-input=false"))):
            step = self.terraform(name, *args)
            steps.append(step)
            if name == "plan" and step.returncode == 2 and not step.errors:
                step.changes = self.planned_changes()
                break
            if not step.ok:
                break
        return steps

    def planned_changes(self) -> list[str]:
        """What a non-empty re-plan would change, one line per resource or output: address, action, attributes."""
        proc = subprocess.run(["terraform", "show", "-json", "fidelity.tfplan"], cwd=self.path, env=self.env,
                              capture_output=True, text=True, timeout=STEP_TIMEOUT, check=False)
        try:
            plan = json.loads(proc.stdout)
        except json.JSONDecodeError:
            return [f"(terraform show failed: {proc.stderr.strip()[:200]})"]
        lines = []
        for rc in plan.get("resource_changes", []):
            change = rc["change"]
            if change["actions"] in (["no-op"],):
                continue
            lines.append(f"{rc['address']}: {'/'.join(change['actions'])} ({_changed(change)})")
        for name, change in sorted(plan.get("output_changes", {}).items()):
            if change["actions"] != ["no-op"]:
                lines.append(f"output.{name}: {'/'.join(change['actions'])}")
        return lines


def _diagnostics(stdout: str) -> list[dict[str, Any]]:
    """Error diagnostics from Terraform's JSON UI stream (or `validate -json`'s single document)."""
    try:
        messages = [json.loads(stdout)]
    except json.JSONDecodeError:
        messages = []
        for line in stdout.splitlines():
            try:
                messages.append(json.loads(line))
            except json.JSONDecodeError:
                continue
    out = []
    for message in messages:
        if not isinstance(message, dict):
            continue
        found = [message["diagnostic"]] if message.get("type") == "diagnostic" else message.get("diagnostics", [])
        out += [d for d in found if d.get("severity") == "error"]
    return out


def _changed(change: dict[str, Any]) -> str:
    """The top-level attributes that differ between before and after (or become unknown), or are replaced."""
    before, after = change.get("before") or {}, change.get("after") or {}
    unknown = change.get("after_unknown") or {}
    if not isinstance(before, dict) or not isinstance(after, dict):
        return "value"
    names = []
    for key in sorted(set(before) | set(after)):
        if unknown.get(key) is True:
            names.append(f"{key}: {_short(before.get(key))} -> (known after apply)")
        elif before.get(key) != after.get(key):
            names.append(f"{key}: {_short(before.get(key))} -> {_short(after.get(key))}")
    replaced = [".".join(str(p) for p in path) for path in change.get("replace_paths") or []]
    if replaced:
        names.append("forces replacement: " + ", ".join(replaced))
    return "; ".join(names) or "no attribute differs"


def _short(value: Any) -> str:
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= 60 else text[:57] + "..."
