"""Seed the emulated cloud with objects that exist before Terraform runs, as in a real account.

Real configurations often look up what is already there (`data "alicloud_vpcs" { name_regex = "^prod$" }`).
A seed file lists those objects by resource type, in TOML (or the same structure as JSON):

    regions = ["cn-hangzhou"]              # where each object is created (default: the provider's default)

    [alicloud_vpc.shared]                  # <resource type>.<key>: the key only names the entry
    vpc_name   = "default-NODELETING"      # arguments, exactly as in a `resource` block
    cidr_block = "172.16.0.0/12"

    [alicloud_vswitch.shared]
    _each_zone   = 2                       # one copy in each of the region's first 2 zones (true: every zone)
    vpc_id       = "${alicloud_vpc.shared.id}"
    zone_id      = "${zone}"
    cidr_block   = "172.16.${zone_index}.0/24"
    vswitch_name = "default-NODELETING"

Objects an account holds that no resource type creates (a chatbot agent) go under `data`, keyed by the
listing data source that returns them, with the keys of its objects (`[data.alicloud_chatbot_agents.faq]
agent_name = "faq"`); they are stored as they are, with a generated id.

Placeholders: `${region}`, `${zone}`, `${zone_index}` and `${<type>.<key>.<attribute>}` of an entry created
before (types in the order they first appear; the copy in the same zone when both expand per zone, else the first). `_regions` overrides `regions` for
one entry. Each object goes through what an apply does (`ProviderService.create`: schema validation, plan,
value filling with ids in the provider's formats, cloud checks), so listings find it like anything else.
Seeding twice is harmless: an entry whose arguments an existing object of its type already has is skipped.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alicloud_ml.emulator import facts, spec
from alicloud_ml.emulator.ids import rand
from alicloud_ml.emulator.store import Store
from alicloud_ml.emulator.validate import validate_resource

_PLACEHOLDER = re.compile(r"\$\{([^{}]+)\}")
META_KEYS = ("_each_zone", "_regions")


class SeedError(Exception):
    """A seed file the emulated cloud cannot take: names the file, the entry, the field and what is accepted."""


@dataclass(frozen=True)
class Entry:
    type_name: str
    key: str
    args: dict[str, Any]
    each_zone: int | bool = False
    regions: tuple[str, ...] | None = None
    data: bool = False  # an object of listing data source `type_name` that no resource type creates

    @property
    def address(self) -> str:
        return f"{'data.' if self.data else ''}{self.type_name}.{self.key}"


@dataclass(frozen=True)
class Seed:
    source: str
    regions: tuple[str, ...]
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Seeded:
    """One object in the emulated cloud: created now, or found already there (`existing`)."""

    address: str
    type_name: str
    id: str
    region: str
    existing: bool = False
    state: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def load(path: Path | str) -> Seed:
    """Parse a seed file (`.toml`, else JSON) and check every entry names a resource type and its arguments."""
    path = Path(path)
    try:
        text = path.read_text()
    except OSError as exc:
        raise SeedError(f"{path}: cannot read the seed file ({exc.strerror})") from None
    try:
        doc = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise SeedError(f"{path}: not valid {'JSON' if path.suffix == '.json' else 'TOML'}: {exc}") from None
    return parse(doc, str(path))


def parse(doc: dict[str, Any], source: str = "<seed>") -> Seed:
    regions = _regions(doc.get("regions"), f"{source}: regions")
    types = set(spec.resource_types())
    entries = []
    for type_name, table in doc.items():
        if type_name == "regions":
            continue
        if type_name == "data" and isinstance(table, dict):
            entries += [_data_entry(source, data_type, key, body) for data_type, named in table.items()
                        for key, body in (named.items() if isinstance(named, dict) else [(None, named)])]
            continue
        if type_name not in types:
            raise SeedError(f"{source}: {type_name} is not a resource type of aliyun/alicloud; accepted: a resource "
                            "type (alicloud_vpc, alicloud_vswitch, ...) or `regions`")
        if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
            raise SeedError(f"{source}: {type_name} must hold named entries ([{type_name}.<key>] tables)")
        for key, body in table.items():
            entries.append(_entry(source, type_name, key, body))
    return Seed(source, regions or (facts.DEFAULT_REGION,), tuple(entries))


def _regions(value: Any, where: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(r, str) and r for r in value):
        raise SeedError(f"{where}: accepted: a region id or a non-empty list of them (\"cn-hangzhou\")")
    return tuple(value)


def _entry(source: str, type_name: str, key: str, body: dict[str, Any]) -> Entry:
    address = f"{source}: {type_name}.{key}"
    block = spec.resource(type_name)
    args = {k: v for k, v in body.items() if k not in META_KEYS}
    unknown = sorted(k for k in args if k not in block.attrs and k not in block.blocks)
    if unknown:
        raise SeedError(f"{address}: {', '.join(unknown)} is not an argument of {type_name}; accepted: "
                        f"{', '.join(sorted(n for n, a in block.attrs.items() if a.required or a.optional))}")
    computed_only = sorted(k for k in args if k in block.attrs and not (block.attrs[k].optional or block.attrs[k].required))
    if computed_only:
        raise SeedError(f"{address}: {', '.join(computed_only)} is computed by the cloud and cannot be set; "
                        "accepted: leave it out (the emulator fills it as an apply does)")
    each_zone = body.get("_each_zone", False)
    if not isinstance(each_zone, (bool, int)) or (not isinstance(each_zone, bool) and each_zone < 1):
        raise SeedError(f"{address}: _each_zone accepted: true (every zone of the region) or a count >= 1")
    return Entry(type_name, key, args, each_zone, _regions(body.get("_regions"), f"{address}: _regions"))


def _data_entry(source: str, data_type: str, key: Any, body: Any) -> Entry:
    from alicloud_ml.emulator.data_sources import listing
    from alicloud_ml.emulator.data_sources.base import object_keys

    address = f"{source}: data.{data_type}.{key}"
    if data_type not in spec.data_source_types() or listing.resource_type_for(data_type) is not None:
        raise SeedError(f"{address}: accepted under `data`: a listing data source no resource type creates objects "
                        f"for (seed objects of resource types as [<resource type>.<key>])")
    keys = set(object_keys(data_type, listing.list_attr(data_type))) - {"id"}
    if not isinstance(body, dict) or not keys:
        raise SeedError(f"{address}: {data_type} lists no objects; accepted: [data.<listing>.<key>] tables")
    unknown = sorted(k for k in body if k not in keys and k not in META_KEYS)
    if unknown:
        raise SeedError(f"{address}: {', '.join(unknown)} is not a key of {data_type}'s objects; accepted: "
                        f"{', '.join(sorted(keys))}")
    return Entry(data_type, str(key), {k: v for k, v in body.items() if k not in META_KEYS}, False,
                 _regions(body.get("_regions"), f"{address}: _regions"), data=True)


def _store_data_object(store: Store, entry: Entry, config: dict[str, Any], region: str) -> Seeded:
    """An object no resource type creates: stored as given under the listing's seeded type, with an id."""
    from alicloud_ml.emulator.data_sources import listing

    pseudo = listing.seeded_type(entry.type_name)
    existing = _existing(store, pseudo, region, config)
    if existing is not None:
        return Seeded(entry.address, pseudo, existing["id"], region, True, existing)
    word = pseudo.rsplit("_", 1)[-1]
    state = {**config, "id": config.get("id") or f"{word}-{rand(16)}"}
    state.setdefault(f"{word}_id", state["id"])
    with store.transaction():
        store.put(pseudo, state["id"], region, state, None, [])
    return Seeded(entry.address, pseudo, state["id"], region, False, state)


def apply(seed: Seed, store: Store, regions: Sequence[str] | None = None) -> list[Seeded]:
    """Create the seed's objects in `store`, in each region (`regions` overrides the file's): types in the order
    they first appear in the file (TOML gathers a type's tables), a type's entries in file order."""
    from alicloud_ml.emulator.data_sources.catalog import zones
    from alicloud_ml.emulator.servicer import EmulatorError, ProviderService

    service = ProviderService(store)
    out: list[Seeded] = []
    for region in regions or seed.regions:
        service.region = region
        made: dict[str, list[Seeded]] = {}
        region_zones = zones(region)
        for entry in seed.entries:
            if entry.regions is not None and region not in entry.regions:
                continue
            count = len(region_zones) if entry.each_zone is True else int(entry.each_zone)
            places: list[tuple[int, str | None]] = (
                [(i, region_zones[i % len(region_zones)]) for i in range(count)] if count else [(0, None)])
            for index, zone in places:
                where = f"{seed.source}: {entry.address} in {region}" + (f" zone {zone}" if zone else "")
                config = _substitute(entry.args, {"region": region, "zone": zone or region_zones[0],
                                                  "zone_index": str(index)}, made, index, where)
                seeded = _store_data_object(store, entry, config, region) if entry.data \
                    else _create(service, entry, config, region, where, EmulatorError)
                made.setdefault(entry.address, []).append(seeded)
                out.append(seeded)
    return out


def _create(service: Any, entry: Entry, config: dict[str, Any], region: str, where: str,
            refused: type[Exception]) -> Seeded:
    block = spec.resource(entry.type_name)
    config = _shape(block, config)
    problems = [p for p in validate_resource(entry.type_name, block, config) if p.severity == "error"]
    if problems:
        raise SeedError(f"{where}: " + "; ".join(f"{p.summary} {p.detail}".strip() for p in problems))
    existing = _existing(service.store, entry.type_name, region, config)
    if existing is not None:
        return Seeded(entry.address, entry.type_name, existing["id"], region, True, existing)
    try:
        state = service.create(entry.type_name, config)
    except refused as exc:
        raise SeedError(f"{where}: the emulated cloud refused it: {exc}") from None
    return Seeded(entry.address, entry.type_name, state["id"], region, False, state)


def _existing(store: Store, type_name: str, region: str, config: dict[str, Any]) -> dict[str, Any] | None:
    given = {k: v for k, v in config.items() if v is not None}
    for obj in store.find(type_name, region=region):
        if all(obj.get(k) == v for k, v in given.items()):
            return obj
    return None


def _substitute(value: Any, names: dict[str, str], made: dict[str, list[Seeded]], index: int, where: str) -> Any:
    """Placeholders replaced; a string that is exactly one reference takes the referenced value's type."""
    if isinstance(value, dict):
        return {k: _substitute(v, names, made, index, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, names, made, index, where) for v in value]
    if not isinstance(value, str):
        return value
    whole = _PLACEHOLDER.fullmatch(value)
    if whole:
        return _lookup(whole.group(1), names, made, index, where)
    return _PLACEHOLDER.sub(lambda m: str(_lookup(m.group(1), names, made, index, where)), value)


def _lookup(name: str, names: dict[str, str], made: dict[str, list[Seeded]], index: int, where: str) -> Any:
    if name in names:
        return names[name]
    address, _, attr = name.rpartition(".")
    copies = made.get(address)
    if not copies or not attr:
        raise SeedError(f"{where}: ${{{name}}} names no entry above; accepted: ${{region}}, ${{zone}}, "
                        f"${{zone_index}} or ${{<type>.<key>.<attribute>}} of an earlier entry "
                        f"({', '.join(made) or 'none yet'})")
    state = copies[index if index < len(copies) else 0].state
    if attr not in state:
        raise SeedError(f"{where}: ${{{name}}}: {address} has no attribute {attr}")
    return state[attr]


def _shape(block: spec.Block, config: dict[str, Any]) -> dict[str, Any]:
    """Scalars fitted to the schema's types as Terraform converts them (8 → "8" for a string argument)."""
    out: dict[str, Any] = {}
    for key, value in config.items():
        attr = block.attrs.get(key)
        if attr is not None:
            out[key] = _scalar(attr.type, value)
        elif key in block.blocks:
            nested = block.blocks[key]
            items = value if isinstance(value, list) else [value]
            shaped = [_shape(nested.block, v) for v in items if isinstance(v, dict)]
            out[key] = (shaped[0] if shaped else None) if nested.mode == "single" else shaped
    return out


def _scalar(t: Any, value: Any) -> Any:
    if t == "number" and isinstance(value, str):
        try:
            return float(value) if "." in value else int(value)
        except ValueError:
            return value  # validation names it
    if t == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if t == "string" and isinstance(value, bool):
        return str(value).lower()
    if isinstance(t, list) and t[0] in ("list", "set") and isinstance(value, list):
        return [_scalar(t[1], v) for v in value]
    if isinstance(t, list) and t[0] == "map" and isinstance(value, dict):
        return {k: _scalar(t[1], v) for k, v in value.items()}
    return value


def seed_file(path: Path | str, state_dir: Path | str | None = None,
              regions: Sequence[str] | None = None) -> list[Seeded]:
    """Seed the emulated cloud at `state_dir` ($ALICLOUD_ML_EMULATOR_STATE, else ./.alicloud-ml/emulator)
    from the seed file at `path`; `regions` overrides the file's. Raises SeedError on bad input."""
    return apply(load(path), Store(Path(state_dir) if state_dir is not None else None), regions)
