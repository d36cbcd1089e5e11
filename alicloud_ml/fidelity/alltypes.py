"""All types: every resource type of the schema through the lifecycle with its minimal valid config.

One workspace holds a batch of types (one resource each) for speed. Terraform names the resource
in most diagnostics, so a failing type is attributed by its address; the batch is then rerun
without the attributed types (their neighbours never reached re-plan and destroy). An error that
names no resource splits the batch in two until each half is clean or a single type is left.
"""

from __future__ import annotations

import importlib
import json
import shutil
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from alicloud_ml import schema
from alicloud_ml.fidelity.classify import CRASH, DRIFT, OTHER, Outcome, error_class, one_line, outcome
from alicloud_ml.fidelity.terraform import Environment, Step

NAME = "this"
DEFAULT_BATCH = 100


#: Values no schema states but the real API needs, for types whose schema-minimal config the cloud refuses
#: on its own terms (not an emulator gap). A `Ref` is wired to a helper resource of that type.
@dataclass(frozen=True)
class Ref:
    type: str
    attribute: str = "id"


OVERRIDES: dict[str, dict[str, Any]] = {
    "alicloud_security_group_rule": {"port_range": "22/22", "cidr_ip": "10.0.0.0/8"},  # tcp needs ports, a CIDR
    "alicloud_pai_service": {"service_config": json.dumps({"metadata": {"name": "mlsample", "instance": 1}})},
    "alicloud_snat_entry": {"snat_table_id": Ref("alicloud_nat_gateway", "snat_table_ids")},
    "alicloud_nas_access_rule": {"access_group_name": Ref("alicloud_nas_access_group", "access_group_name")},
    "alicloud_nas_protocol_mount_target": {"protocol_service_id": Ref("alicloud_nas_protocol_service",
                                                                      "protocol_service_id")},
    "alicloud_vswitch": {"vpc_id": Ref("alicloud_vpc"), "cidr_block": "172.16.0.0/24"},  # optional for default ones
}
_ZONE_ATTRIBUTES = ("zone_id", "availability_zone", "zone_ids")


def _references() -> dict[str, dict[str, str]]:
    """The emulator's own table of which attribute names which type (read-only): a minimal *valid*
    config must name objects that exist, so referenced types are created alongside."""
    for module in ("alicloud_ml.emulator.plugins.references", "alicloud_ml.emulator.checks.references"):
        try:
            return dict(importlib.import_module(module).REFERENCES)
        except (ImportError, AttributeError):
            continue
    return {}


def _escape(value: Any) -> Any:
    """Terraform JSON syntax interpolates `${` and `%{` in strings; minimal configs mean them literally."""
    if isinstance(value, str):
        return value.replace("${", "$${").replace("%{", "%%{")
    if isinstance(value, list):
        return [_escape(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape(v) for k, v in value.items()}
    return value


def _expression(ref: Ref) -> str:
    return "${" + f"{ref.type}.{NAME}.{ref.attribute}" + "}"


def arguments(tf_type: str, region: str, references: dict[str, dict[str, str]]) -> tuple[dict[str, Any], set[str]]:
    """A type's minimal config made valid for the cloud: zones of the region, references wired to helpers
    (named `this` too, so a batch shares them), the OVERRIDES. Returns the arguments and the helper types."""
    from alicloud_ml.catalog.regions import example_zone
    from alicloud_ml.schema.samples import minimal_config

    args = _escape(minimal_config(tf_type))
    attrs = schema.resource_block(tf_type).get("attributes", {})
    if not tf_type.startswith("alicloud_pvtz_"):  # a private zone's zone_id is not an availability zone
        for name in _ZONE_ATTRIBUTES:
            if isinstance(args.get(name), str):
                args[name] = example_zone(region)
            elif isinstance(args.get(name), list):
                args[name] = [example_zone(region)]
    wired = {name: Ref(target, "id" if name.endswith(("_id", "_ids")) or name not in _attributes(target) else name)
             for name, target in references.get(tf_type, {}).items() if name in args and target != tf_type}
    wired.update({k: v for k, v in OVERRIDES.get(tf_type, {}).items() if isinstance(v, Ref)})
    args.update({k: v for k, v in OVERRIDES.get(tf_type, {}).items() if not isinstance(v, Ref)})
    for name, ref in wired.items():
        many = attrs.get(name, {}).get("type", "string") != "string" and isinstance(args.get(name), list)
        args[name] = [_expression(ref)] if many else _expression(ref)
    return args, {ref.type for ref in wired.values()}


def _attributes(tf_type: str) -> set[str]:
    return set(schema.resource_block(tf_type).get("attributes", {}))


def config(types: Iterable[str], region: str) -> dict[str, Any]:
    """A `main.tf.json` with one resource of each type (and of each helper type it needs), named `this`."""
    references = _references()
    resources: dict[str, Any] = {}
    todo = list(types)
    while todo:
        tf_type = todo.pop(0)
        if tf_type in resources:
            continue
        args, helpers = arguments(tf_type, region, references)
        resources[tf_type] = {NAME: args}
        todo += sorted(helpers - set(resources))
    return {
        "terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud",
                                                          "version": schema.provider_version()}}},
        "provider": {"alicloud": {"region": region}},
        "resource": resources,
    }


def _type_of(address: str) -> str | None:
    """`alicloud_vpc.this` (or `alicloud_vpc.this[0]`, `module.x.alicloud_vpc.this`) -> `alicloud_vpc`."""
    parts = address.split(".")
    return parts[-2] if len(parts) >= 2 and parts[-2].startswith("alicloud_") else None


def run_batch(env: Environment, types: list[str]) -> tuple[dict[str, Outcome], bool]:
    """One lifecycle over `types`: (failures attributed to a type, whether some failure names no type)."""
    ws = env.workspace(f"types-{types[0]}-{len(types)}")
    try:
        try:
            doc = config(types, env.region)
        except Exception as exc:  # noqa: BLE001 - a type whose minimal config cannot be built fails alone
            if len(types) == 1:
                return {types[0]: Outcome(types[0], False, OTHER, "config", f"minimal_config failed: {exc!r}")}, False
            return {}, True
        (ws.path / "main.tf.json").write_text(json.dumps(doc, indent=1))
        steps = ws.lifecycle()
    finally:
        shutil.rmtree(ws.path, ignore_errors=True)
    last = steps[-1]
    if last.ok and last.name == "destroy":
        return {}, False
    if len(types) == 1:
        return {types[0]: outcome(types[0], steps)}, False
    return _attribute(last, set(types))


def _attribute(step: Step, types: set[str]) -> tuple[dict[str, Outcome], bool]:
    failures: dict[str, Outcome] = {}
    unattributed = False
    if step.changes:
        for line in step.changes:
            tf_type = _type_of(line.split(":", 1)[0])
            if tf_type in types:
                failures.setdefault(tf_type, Outcome(tf_type, False, DRIFT, "plan", line, [line]))
            else:
                unattributed = True
    for diagnostic in step.errors:
        tf_type = _type_of(diagnostic.get("address") or "")
        if tf_type not in types:
            unattributed = True
            continue
        klass = error_class(diagnostic, step.name)
        known = failures.get(tf_type)
        if known is None:
            failures[tf_type] = Outcome(tf_type, False, klass, step.name, one_line(diagnostic), [one_line(diagnostic)])
        else:
            known.details.append(one_line(diagnostic))
    if not step.changes and not step.errors:
        unattributed = True
    return failures, unattributed


def run(env: Environment, types: list[str], jobs: int, batch: int = DEFAULT_BATCH,
        progress: Callable[[str], None] | None = None) -> dict[str, Outcome]:
    """Every type's outcome (passed or its failure), running batches `jobs` at a time."""
    results: dict[str, Outcome] = {}
    pending: dict[Future[tuple[dict[str, Outcome], bool]], list[str]] = {}
    with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
        def submit(group: list[str]) -> None:
            if group:
                pending[pool.submit(run_batch, env, group)] = group

        for start in range(0, len(types), batch):
            submit(types[start:start + batch])
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                group = pending.pop(future)
                try:
                    failures, unattributed = future.result()
                except Exception as exc:  # noqa: BLE001 - a runner error must not hide the other batches
                    failures = {t: Outcome(t, False, CRASH, "runner", f"runner error: {exc!r}") for t in group}
                    unattributed = False
                results.update(failures)
                rest = [t for t in group if t not in failures]
                if not failures and not unattributed:
                    results.update({t: Outcome(t, True) for t in group})
                elif failures:
                    submit(rest)  # the neighbours of attributed failures never finished their lifecycle
                else:
                    half = len(rest) // 2
                    submit(rest[:half])
                    submit(rest[half:])
                if progress:
                    progress(f"{len(group)} types: {len(failures)} failed"
                             f"{', bisecting' if unattributed and not failures else ''}")
    for tf_type, result in results.items():
        result.subcategory = schema.subcategory(tf_type)
    return {t: results[t] for t in types}
