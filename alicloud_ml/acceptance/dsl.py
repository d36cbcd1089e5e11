"""The provider's acceptance-test DSL, run on the Go interpreter: what each test function builds.

terraform-provider-alicloud v1.289.0 alicloud/service_alicloud_common_test.go defines it:
`resourceAttrInit` / `resourceCheckInit*` / `resourceAttrCheckInit` (lines 73-148) hold a resource's
check map; `resourceAttrMapUpdateSet` (296, 388) returns `testAccCheck`, whose map is merged into the
check map when the step's checks run (`updateCheckMapPair`, 306); `resourceTestAccConfigFunc` (397)
returns `testAccConfig`, whose map is merged into the resource's attributes and rendered after the
dependence HCL (`configBuild`, 468). `resource.Test` / `resource.ParallelTest` take the steps.

Here each of those is a small Python object; `TestRun` executes one test function and returns the
`resource.TestCase` it handed to `resource.Test`, with configs already rendered and checks kept as
objects for `extract` to resolve in step order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from alicloud_ml.acceptance import hcl
from alicloud_ml.acceptance.goexec import Closure, GoExec, Regex, TestAbort, Unevaluable
from alicloud_ml.importer.go_eval import Call, Opaque, Struct, Sym

# The DSL's markers (service_alicloud_common_test.go:28-36).
CHECKSET, NOSET, REMOVEKEY, REGEXMATCH = "#CHECKSET", "#NOSET", "#REMOVEKEY", "#REGEXMATCH:"
#: Prechecks that choose which of the team's CI jobs runs a test, not whether the provider can: the day of
#: the month (provider_test.go:527 testAccPreCheckWithTime) and the account's site (provider_test.go:269
#: testAccPreCheckWithAccountSiteType, Domestic or International). The emulated account is in every job.
CI_JOB_SELECTORS = frozenset({"testAccPreCheckWithTime", "testAccPreCheckWithAccountSiteType"})


def update_checks(checks: dict[str, str], change: dict[str, str] | None) -> dict[str, str]:
    """`updateCheckMapPair` (line 306): REMOVEKEY drops a key that is there; otherwise the value is set (a
    REMOVEKEY for a key that is not there stays as a literal expected value, as upstream); `force_sleep` only
    pauses the test."""
    merged = dict(checks)
    for key, value in (change or {}).items():
        if key == "force_sleep":
            continue
        if value == REMOVEKEY and key in merged:
            del merged[key]
        else:
            merged[key] = value
    return merged


@dataclass
class AttrMap:
    """*resourceAttr: one resource's expected attributes (`initial`, as resourceAttrInit got them)."""

    resource: str
    initial: dict[str, str]


@dataclass
class ExistsCheck:
    """*resourceCheck: the resource is in state with an id (upstream also describes it in the cloud)."""

    resource: str


@dataclass
class AttrCheck:
    """*resourceAttrCheck: existence plus the attribute map."""

    exists: ExistsCheck | None
    attrs: AttrMap


@dataclass
class MapCheck:
    """A `testAccCheck(map)` in a step: merge `change` into `attrs`, then check the whole map."""

    attrs: AttrMap
    change: dict[str, str] | None
    exists: str | None = None


@dataclass
class Assert:
    """resource.TestCheckResourceAttr & co.: `expected` is a value, CHECKSET, NOSET or REGEXMATCH+pattern."""

    resource: str
    key: str
    expected: str


@dataclass
class Custom:
    """A check function the replayer cannot judge (a describe call, a custom comparison)."""

    name: str


@dataclass
class ConfigFunc:
    """ResourceTestAccConfigFunc: the resource's attributes so far and its dependence HCL."""

    resource: str
    dependence: str
    overwrite: bool = False
    attributes: dict[str, Any] = field(default_factory=dict)

    def build(self, change: dict[str, Any] | None) -> BuiltConfig:
        self.attributes = hcl.merge(self.attributes, change, self.overwrite)
        built = BuiltConfig(self.dependence + hcl.resource_block(self.resource, self.attributes))
        built.builder, built.change = self, change
        return built


class BuiltConfig(str):
    """A config `testAccConfig(map)` rendered, remembering the builder and the map (stored instead of the text)."""

    builder: ConfigFunc
    change: dict[str, Any] | None


def concrete(value: Any, what: str) -> Any:
    """`value` as plain data, or Unevaluable naming the first run-time part."""
    if isinstance(value, Opaque):
        raise Unevaluable(f"{what}: {value.reason} at {value.where} ({value.text[:80]})")
    if isinstance(value, Call):
        raise Unevaluable(f"{what}: call of {value.func} at {value.where}")
    if isinstance(value, Sym):
        raise Unevaluable(f"{what}: unresolved name {value.name}")
    if isinstance(value, dict):
        return {str(concrete(k, what)): concrete(v, f"{what}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [concrete(v, f"{what}[{i}]") for i, v in enumerate(value)]
    if value is None or isinstance(value, (str, int, bool, float)):
        return value
    raise Unevaluable(f"{what}: a {type(value).__name__} value")


class TestRun(GoExec):
    """Executes one test function; `cases` collects what it passed to resource.Test."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.cases: list[Struct] = []
        self.builders: list[ConfigFunc] = []
        self.maps: list[AttrMap] = []

    def builtin(self, fname: str, args: list[Any], where: str) -> Any:
        short = fname.removeprefix("resource.")
        if fname in CI_JOB_SELECTORS:
            return None
        if fname in ("resource.Test", "resource.ParallelTest", "resource.UnitTest") and len(args) == 2:
            if isinstance(args[1], Struct):
                self.cases.append(args[1])
            return None
        if short in ("ComposeTestCheckFunc", "ComposeAggregateTestCheckFunc"):
            return [c for a in args for c in (a if isinstance(a, list) else [a])]
        if fname == "resourceAttrInit" and len(args) == 2:
            initial = concrete(args[1] or {}, "check map")
            if not isinstance(initial, dict):
                raise Unevaluable("resourceAttrInit: check map is not a map")
            self.maps.append(AttrMap(_text(args[0], "resourceId"), {k: _text(v, k) for k, v in initial.items()}))
            return self.maps[-1]
        if fname in ("resourceCheckInit", "resourceCheckInitWithDescribeMethod") and args:
            return ExistsCheck(_text(args[0], "resourceId"))
        if fname == "resourceAttrCheckInit" and len(args) == 2 and isinstance(args[1], AttrMap):
            return AttrCheck(args[0] if isinstance(args[0], ExistsCheck) else None, args[1])
        if fname in ("resourceTestAccConfigFunc", "dataSourceTestAccConfigFunc") and len(args) == 3:
            resource, name = _text(args[0], "resourceId"), args[1]
            dependence = self.call_value(args[2], [name], where)
            builder = ConfigFunc(resource, _text(dependence, "dependence config"), fname.startswith("data"))
            self.builders.append(builder)
            return builder
        if short in ("TestCheckResourceAttr", "TestCheckResourceAttrSet", "TestCheckNoResourceAttr",
                     "TestMatchResourceAttr") and len(args) >= 2:
            expected = {"TestCheckResourceAttrSet": CHECKSET, "TestCheckNoResourceAttr": NOSET}.get(short)
            if short == "TestCheckResourceAttr":
                expected = _text(args[2], "expected value")
            if short == "TestMatchResourceAttr":
                expected = REGEXMATCH + (args[2].pattern if isinstance(args[2], Regex) else "")
            return Assert(_text(args[0], "resource name"), _text(args[1], "attribute key"), expected or "")
        if short.startswith("Test") and short.endswith(("Func", "Pair", "Attr", "Exists")):
            return Custom(short)
        return super().builtin(fname, args, where)

    def method(self, owner: Any, method: str, args: list[Any], where: str) -> Any:
        if isinstance(owner, (AttrMap, AttrCheck)):
            attrs = owner if isinstance(owner, AttrMap) else owner.attrs
            exists = owner.exists.resource if isinstance(owner, AttrCheck) and owner.exists else None
            if method == "resourceAttrMapUpdateSet":
                return lambda change=None: MapCheck(attrs, _checks(change), exists)
            if method in ("resourceAttrMapCheck", "resourceAttrMapCheckWithCallback"):
                return MapCheck(attrs, None, exists)
            if method == "checkResourceExists" and exists:
                return ExistsCheck(exists)
            if method == "checkResourceDestroy":
                return Custom("checkResourceDestroy")
            if method == "updateCheckMapPair":
                raise Unevaluable("updateCheckMapPair called outside a step's checks")
        if isinstance(owner, ExistsCheck):
            if method == "checkResourceExists":
                return owner
            if method == "checkResourceDestroy":
                return Custom("checkResourceDestroy")
        if isinstance(owner, ConfigFunc) and method == "":
            return owner.build(args[0] if args else None)
        return super().method(owner, method, args, where)

    def call_value(self, fn: Any, args: list[Any], where: str) -> Any:
        if isinstance(fn, ConfigFunc):
            change = concrete(args[0], "config map") if args else None
            return fn.build(change)
        return super().call_value(fn, args, where)

    def precheck(self, case: Struct) -> None:
        """Run the case's PreCheck, which may move the test to another region (checkoutSupportedRegions)."""
        pre = case.fields.get("PreCheck")
        if isinstance(pre, Closure):
            self.call_closure(pre, [])
        elif isinstance(pre, Sym):
            self.call_value(pre, [], "PreCheck")


def _checks(change: Any) -> dict[str, str] | None:
    value = concrete(change, "check map")
    if value is None:
        return None
    if not isinstance(value, dict):
        raise Unevaluable("check map: not a map")
    return {str(k): _text(v, f"check {k}") for k, v in value.items()}


def _text(value: Any, what: str) -> str:
    value = concrete(value, what)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if not isinstance(value, str):
        raise Unevaluable(f"{what}: not a string ({value!r:.60})")
    return value


__all__ = ["AttrMap", "Assert", "ConfigFunc", "Custom", "ExistsCheck", "MapCheck", "TestAbort", "TestRun",
           "Unevaluable", "concrete"]
