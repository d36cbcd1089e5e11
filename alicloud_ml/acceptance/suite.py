"""The extracted acceptance tests, as committed: loading, selecting, and each test's concrete steps.

The archive (`data/tests-<version>.zip`, written by `extract`) holds one JSON member per test source
file: `texts` (dependence HCL and hand-written configs, shared) and `tests`. A test's steps keep the
DSL's shape (a builder and the map of this step; a check map and its change), so `steps()` replays the
DSL's merging here: configs are merged and rendered in step order (`hcl.merge`, `configBuild`), check
maps updated in step order (`updateCheckMapPair`), exactly as upstream builds them.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from alicloud_ml import schema
from alicloud_ml.acceptance import hcl
from alicloud_ml.acceptance.dsl import update_checks

DATA_DIR = Path(__file__).parent / "data"
#: The services of the ML platform (docs subcategories), whose pass rate has its own goal.
ML_SUBCATEGORIES = frozenset({
    "Container Service for Kubernetes (ACK)", "File Storage (NAS)", "PAI", "PAI Workspace", "Pai Flow",
    "AnalyticDB for PostgreSQL (GPDB)", "OSS", "RAM", "KMS", "Function Compute Service V3 (FCV3)", "VPC", "ECS",
    "Log Service (SLS)", "Container Registry (CR)", "Table Store (OTS)", "Elastic IP Address (EIP)",
    "NAT Gateway", "Resource Manager"})
_PROVIDER_BLOCK = re.compile(r'^\s*(provider\s+"?alicloud"?|terraform)\s*\{', re.M)
_FOREIGN_TYPE = re.compile(r'^\s*(?:resource|data)\s+"((?!alicloud_)[a-z0-9]+)_\w+"', re.M)


def archive_path() -> Path:
    return DATA_DIR / f"tests-{schema.provider_version()}.zip"


@dataclass
class ConfigStep:
    """Apply `config`; then the checks hold in state and a re-plan is empty (unless said otherwise)."""

    index: int
    config: str
    checks: list[tuple[str, str, str]] = field(default_factory=list)  # (resource, key, expected)
    custom_checks: int = 0
    expect_error: str | None = None
    plan_only: bool = False
    expect_non_empty_plan: bool = False
    destroy: bool = False
    taint: tuple[str, ...] = ()
    pre_config: bool = False
    kind: str = "config"


@dataclass
class ImportStep:
    """Import `resource` into a fresh state; with `verify`, its attributes equal the state's, minus `ignore`."""

    index: int
    resource: str
    verify: bool
    ignore: tuple[str, ...] = ()
    id: str | None = None
    id_prefix: str = ""
    config: str | None = None
    kind: str = "import"


Step = ConfigStep | ImportStep


@dataclass(frozen=True)
class AccTest:
    """One test function and what it needs; `steps()` gives its replayable steps."""

    id: str  # the Go function name: unique in the package
    file: str
    line: int
    record: dict[str, Any] = field(compare=False, repr=False)
    texts: tuple[str, ...] = field(compare=False, repr=False)

    @property
    def function(self) -> str:
        return self.id

    @property
    def resource(self) -> str:
        return self.record.get("resource", "")

    @property
    def type(self) -> str:
        parts = self.resource.split(".")
        return parts[1] if parts[0] == "data" and len(parts) > 1 else parts[0]

    @property
    def region(self) -> str:
        return self.record["region"]

    @property
    def subcategory(self) -> str:
        try:
            return schema.subcategory(self.type) or "-"
        except KeyError:
            return "-"

    @property
    def ml(self) -> bool:
        return self.subcategory in ML_SUBCATEGORIES

    @property
    def status(self) -> str:
        """"replayable", "skip" (the test skips itself in the team's CI too) or "error" (not evaluable)."""
        return "error" if "error" in self.record else "skip" if "skip" in self.record else "replayable"

    @property
    def reason(self) -> str:
        return self.record.get("error") or self.record.get("skip") or ""

    @property
    def env(self) -> list[str]:
        """Environment variables the test read and the replay leaves empty (values of the team's account)."""
        return list(self.record.get("env", []))

    @property
    def digest(self) -> str:
        """A hash of everything the replay reads of this test (the cache key's test part)."""
        body = json.dumps([self.record, [self.texts[i] for i in self._text_refs()]], sort_keys=True)
        return hashlib.sha256(body.encode()).hexdigest()[:16]

    def _text_refs(self) -> list[int]:
        refs = [b["dependence"] for b in self.record.get("configs", [])]
        for step in self.record.get("steps", []):
            config = step.get("config") or {}
            if "text" in config:
                refs.append(config["text"])
        return sorted(set(refs))

    def steps(self) -> list[Step]:
        """The steps as upstream runs them: configs merged and rendered, check maps merged, in step order."""
        builders = [dict(b, attributes={}) for b in self.record.get("configs", [])]
        maps = [dict(m["checks"]) for m in self.record.get("maps", [])]
        out: list[Step] = []
        for index, step in enumerate(self.record.get("steps", [])):
            config = self._render(step.get("config"), builders)
            if "import" in step:
                out.append(ImportStep(index, step["import"], step.get("verify", False), tuple(step.get("ignore", [])),
                                      step.get("id"), step.get("id_prefix", ""), config))
                continue
            checks: list[tuple[str, str, str]] = []
            for check in step.get("checks", []):
                if check[0] == "map":
                    _, which, change, exists = check
                    maps[which] = update_checks(maps[which], change)
                    if exists:
                        checks.append((exists, "id", "#CHECKSET"))
                    resource = self.record["maps"][which]["resource"]
                    if not maps[which]:
                        checks.append((resource, "", "#EMPTYMAP"))
                    checks += [(resource, k, v) for k, v in sorted(maps[which].items())]
                elif check[0] == "attr":
                    checks.append((check[1], check[2], check[3]))
                elif check[0] == "exists":
                    checks.append((check[1], "id", "#CHECKSET"))
            assert config is not None
            out.append(ConfigStep(index, config, checks, step.get("custom_checks", 0), step.get("expect_error"),
                                  step.get("plan_only", False), step.get("expect_non_empty_plan", False),
                                  step.get("destroy", False), tuple(step.get("taint", [])),
                                  step.get("pre_config", False)))
        return out

    def _render(self, config: dict[str, Any] | None, builders: list[dict[str, Any]]) -> str | None:
        if config is None:
            return None
        if "text" in config:
            return self.texts[config["text"]]
        builder = builders[config["builder"]]
        builder["attributes"] = hcl.merge(builder["attributes"], config["set"], builder.get("overwrite", False))
        return self.texts[builder["dependence"]] + hcl.resource_block(builder["resource"], builder["attributes"])

    def configs(self) -> list[str]:
        return [s.config for s in self.steps() if s.config]

    def foreign_providers(self) -> list[str]:
        """Providers other than alicloud the configs use (random, tls, ...): not mirrored, so not replayable."""
        return sorted({m for c in self.configs() for m in _FOREIGN_TYPE.findall(c)})

    def needs_root(self) -> bool:
        """Whether the test must run alone at the root: its configs configure providers, or its steps expect an
        error, taint, destroy or only plan (their outcome would stop the tests sharing a working directory)."""
        if self.record.get("provider_factories"):
            return True
        steps = self.steps()
        if any(isinstance(s, ConfigStep) and (s.expect_error or s.taint or s.destroy or s.plan_only) for s in steps):
            return True
        return any(_PROVIDER_BLOCK.search(c) for c in self.configs())


@cache
def load(path: Path | None = None) -> tuple[AccTest, ...]:
    """Every extracted test, in source order (files sorted, functions as in the file)."""
    tests: list[AccTest] = []
    with zipfile.ZipFile(path or archive_path()) as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith(".json"):
                continue
            data = json.loads(archive.read(name))
            texts = tuple(data["texts"])
            for record in data["tests"]:
                tests.append(AccTest(record["function"], data["file"], record.get("line", 0), record, texts))
    return tuple(tests)


def matches_service(test: AccTest, services: Iterable[str]) -> bool:
    """`cs`, `nas`, `vpc`, `eip`: the type's service prefix (alicloud_cs_*), the subcategory, or its short
    name in parentheses (`ACK`, `GPDB`); `ml`: every ML platform service; case-insensitive. No services
    selects everything."""
    wanted = [s.strip().lower() for s in services if s.strip()]
    if not wanted:
        return True
    sub = test.subcategory.lower()
    short = re.findall(r"\(([^)]+)\)", sub)
    return any(test.type == f"alicloud_{w}" or test.type.startswith(f"alicloud_{w}_") or w == sub or w in short
               or (w == "ml" and test.ml) for w in wanted)


def shard_of(test: AccTest, count: int) -> int:
    """The shard (0-based) a test belongs to: a stable hash of its id, so shards never change with the data."""
    return int(hashlib.sha256(test.id.encode()).hexdigest(), 16) % count


def select(tests: Iterable[AccTest], services: Iterable[str] = (), shard: tuple[int, int] | None = None,
           only: Iterable[str] = ()) -> list[AccTest]:
    """Tests of the given services, in shard `i` of `n` (1-based `i`), whose id matches `only` (globs)."""
    services = list(services)
    patterns = [re.compile(re.escape(p).replace(r"\*", ".*")) for p in only]
    out = []
    for test in tests:
        if not matches_service(test, services):
            continue
        if shard is not None and shard_of(test, shard[1]) != shard[0] - 1:
            continue
        if patterns and not any(p.fullmatch(test.id) for p in patterns):
            continue
        out.append(test)
    return out
