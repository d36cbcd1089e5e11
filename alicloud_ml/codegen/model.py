"""Turn the provider schema into the view the templates render: classes, arguments, specs, docs."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Any

from alicloud_ml import schema

SERVICES: dict[str, list[str]] = {
    "vpc": ["alicloud_vpc", "alicloud_vswitch", "alicloud_nat_gateway", "alicloud_eip_address",
            "alicloud_eip_association", "alicloud_snat_entry"],
    "ecs": ["alicloud_security_group", "alicloud_security_group_rule", "alicloud_ecs_disk", "alicloud_ecs_deployment_set"],
    "cs": ["alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes_node_pool", "alicloud_cs_kubernetes_addon",
           "alicloud_cs_autoscaling_config"],
    "nas": ["alicloud_nas_file_system", "alicloud_nas_protocol_service", "alicloud_nas_protocol_mount_target",
            "alicloud_nas_mount_target", "alicloud_nas_access_group", "alicloud_nas_access_rule", "alicloud_nas_fileset"],
    "pai": ["alicloud_pai_service", "alicloud_pai_workspace_workspace"],
    "ram": ["alicloud_ram_role", "alicloud_ram_policy", "alicloud_ram_role_policy_attachment"],
    "oss": ["alicloud_oss_bucket", "alicloud_oss_bucket_versioning", "alicloud_oss_bucket_server_side_encryption",
            "alicloud_oss_bucket_public_access_block"],
    "ots": ["alicloud_ots_instance", "alicloud_ots_table"],
    "sls": ["alicloud_log_project", "alicloud_log_store"],
}

# Provider arguments that carry credentials are never accepted: use a profile, assume_role or the environment.
PROVIDER_EXCLUDED = {"access_key", "secret_key", "security_token"}
# The provider silently falls back to cn-beijing without a region, so the bindings require one.
PROVIDER_REQUIRED = {"region"}
RESERVED = {"scope", "id", "depends_on", "count", "provider", "lifecycle", "for_each", "alias"}
DOCS = "https://registry.terraform.io/providers/aliyun/alicloud/{version}/docs/resources/{name}"


def camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part)


def one_paragraph(text: str, limit: int = 400) -> str:
    text = re.sub(r"\s+", " ", (text or "").strip()).replace('"""', "'''").replace("\\", "\\\\")
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


@dataclass
class Arg:
    name: str  # Terraform name
    hint: str
    spec: str
    doc: str
    required: bool

    @property
    def py(self) -> str:
        """Python parameter name: a keyword such as `not` becomes `not_`."""
        return python_name(self.name)


@dataclass
class Ref:
    name: str
    type: str
    kind: str
    is_block: bool = False

    @property
    def py(self) -> str:
        return python_name(self.name)


@dataclass
class BlockClass:
    name: str
    tf_path: str
    doc: str
    args: list[Arg] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)


@dataclass
class ResourceClass:
    name: str
    tf_type: str
    doc: str
    docs_url: str
    args: list[Arg] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    blocks: list[BlockClass] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)


def _kind(attr: dict[str, Any]) -> tuple[str, str | None]:
    t = attr["type"]
    if t == "string":
        return "str", None
    if t == "bool":
        return "bool", None
    if t == "number":
        return attr.get("number_kind", "float"), None
    outer, inner = t[0], t[1]
    if isinstance(inner, list):
        return "object", None
    return outer, {"string": "str", "number": "num", "bool": "bool"}[inner]


_SCALAR_HINT = {"str": "str", "int": "float", "float": "float", "bool": "bool | IResolvable"}
_ELEM_HINT = {"str": "str", "num": "float", "bool": "bool | IResolvable"}


def _hint(kind: str, elem: str | None) -> str:
    if kind in _SCALAR_HINT:
        return _SCALAR_HINT[kind]
    if kind in ("list", "set"):
        return f"Sequence[{_ELEM_HINT[elem or 'str']}]"
    if kind == "map":
        return f"Mapping[str, {_ELEM_HINT[elem or 'str']}]"
    raise ValueError(kind)


def _ref(name: str, kind: str, elem: str | None) -> Ref:
    if kind == "object":
        return Ref(name, "IResolvable", "any")
    if kind in ("list", "set"):
        return Ref(name, "list[float]" if elem == "num" else "list[str]", f"list:{elem or 'str'}" if elem == "num" else "list:str")
    if kind == "map":
        return Ref(name, {"str": "dict[str, str]", "num": "dict[str, float]", "bool": "dict[str, bool]"}[elem or "str"], f"map:{elem or 'str'}")
    return Ref(name, {"str": "str", "int": "float", "float": "float", "bool": "IResolvable"}[kind], kind)


def _doc(attr: dict[str, Any]) -> str:
    parts = [one_paragraph(attr.get("description", ""))]
    flags = []
    if attr.get("force_new"):
        flags.append("Changing it replaces the resource.")
    if "default" in attr:
        flags.append(f"Provider default: `{attr['default']}`.")
    if attr.get("allowed_values"):
        flags.append("Accepted: " + ", ".join(f"`{v}`" for v in attr["allowed_values"]) + ".")
    if attr.get("deprecated"):
        flags.append("Deprecated: " + one_paragraph(attr["deprecated"], 160))
    return " ".join(p for p in parts + flags if p)


def _spec(kind: str, elem: str | None, attr: dict[str, Any], required: bool) -> str:
    args = [repr(kind)]
    if required:
        args.append("required=True")
    if attr.get("allowed_values"):
        args.append(f"allowed={tuple(attr['allowed_values'])!r}")
        if attr.get("allowed_values_ignore_case"):
            args.append("ignore_case=True")
    if attr.get("range") and kind in ("int", "float"):
        args.append(f"range={tuple(attr['range'])!r}")
    if elem:
        args.append(f"elem={elem!r}")
    if attr.get("max_items"):
        args.append(f"max_items={attr['max_items']}")
    if attr.get("validation_pattern"):
        args.append(f"pattern={attr['validation_pattern']!r}")
    if attr.get("conflicts_with"):
        args.append(f"conflicts={tuple(attr['conflicts_with'])!r}")
    return f"S({', '.join(args)})"


def groups(block: dict[str, Any]) -> list[str]:
    """`Group(...)` source for each distinct exactly_one_of / at_least_one_of rule of a block's attributes."""
    seen: dict[tuple[str, tuple[str, ...]], None] = {}
    for attr in block.get("attributes", {}).values():
        for rule in ("exactly_one_of", "at_least_one_of"):
            if attr.get(rule):
                seen[(rule, tuple(attr[rule]))] = None
    return [f"Group({rule!r}, {names!r})" for rule, names in seen]


def python_name(name: str) -> str:
    return name + "_" if keyword.iskeyword(name) else name


def _check_name(owner: str, name: str) -> None:
    if name in RESERVED - {"id"}:
        raise ValueError(f"{owner}: attribute {name!r} clashes with a reserved argument")


def _arguments(owner: str, block: dict[str, Any], class_prefix: str, tf_path: str,
               out_blocks: list[BlockClass], excluded: set[str] = frozenset(), force_required: set[str] = frozenset(),
               ) -> tuple[list[Arg], list[Ref]]:
    args: list[Arg] = []
    refs: list[Ref] = []
    for name, attr in sorted(block.get("attributes", {}).items()):
        if name in excluded or attr.get("sensitive") and owner == "provider":
            continue
        kind, elem = _kind(attr)
        settable = attr.get("required") or attr.get("optional")
        if name != "id":
            _check_name(owner, name)
        if settable and kind != "object" and name != "id":
            required = bool(attr.get("required")) or name in force_required
            hint = _hint(kind, elem)
            args.append(Arg(name, hint, _spec(kind, elem, attr, required), _doc(attr), required))
        refs.append(_ref(name, kind, elem))
    for name, nested in sorted(block.get("block_types", {}).items()):
        _check_name(owner, name)
        cls_name = block_class_name(class_prefix, name)
        path = f"{tf_path}.{name}" if tf_path else name
        nested_args, _ = _arguments(owner, nested["block"], cls_name, path, out_blocks)
        out_blocks.append(BlockClass(cls_name, path, one_paragraph(nested["block"].get("description", ""), 300), nested_args,
                                     groups(nested["block"])))
        nesting = nested["nesting_mode"]
        required = bool(nested.get("required")) or bool(nested.get("min_items"))
        item = f"{cls_name} | Mapping[str, Any]"  # a dict with the block's argument names works too
        if nesting == "single":
            hint = item
        elif nested.get("max_items") == 1:
            hint = f"{item} | Sequence[{item}]"
        else:
            hint = f"Sequence[{item}]"
        spec = ["'block'", f"block={cls_name}", f"nesting={nesting!r}"]
        if required:
            spec.insert(1, "required=True")
        if nested.get("min_items"):
            spec.append(f"min_items={nested['min_items']}")
        if nested.get("max_items"):
            spec.append(f"max_items={nested['max_items']}")
        flags = " Changing it replaces the resource." if nested.get("force_new") else ""
        doc = one_paragraph(nested["block"].get("description", "")) + flags
        args.append(Arg(name, hint, f"S({', '.join(spec)})", doc, required))
        refs.append(Ref(name, hint, "block", is_block=True))
    args.sort(key=lambda a: (not a.required, a.name))
    return args, refs


def resource_class_name(tf_type: str) -> str:
    return camel(tf_type.removeprefix("alicloud_"))


# A block class is named resource + block (`OssBucket` + `versioning`), which can be another resource's
# name (`alicloud_oss_bucket_versioning` → `OssBucketVersioning`): such block classes get a `Block` suffix.
RESOURCE_CLASS_NAMES = frozenset(resource_class_name(t) for types in SERVICES.values() for t in types)


def block_class_name(prefix: str, block: str) -> str:
    name = prefix + camel(block)
    return name + "Block" if name in RESOURCE_CLASS_NAMES else name


def resource_class(tf_type: str) -> ResourceClass:
    name = resource_class_name(tf_type)
    blocks: list[BlockClass] = []
    block = schema.resource_block(tf_type)
    args, refs = _arguments(tf_type, block, name, "", blocks)
    docs_url = DOCS.format(version=schema.provider_version(), name=tf_type.removeprefix("alicloud_"))
    return ResourceClass(name, tf_type, one_paragraph(block.get("description", ""), 600), docs_url, args, refs, blocks,
                         groups(block))


def provider_class() -> ResourceClass:
    blocks: list[BlockClass] = []
    args, _ = _arguments("provider", schema.provider_block(), "AlicloudProvider", "", blocks,
                         excluded=PROVIDER_EXCLUDED, force_required=PROVIDER_REQUIRED)
    return ResourceClass("AlicloudProvider", "alicloud", "", "", args, [], blocks)


def services() -> dict[str, list[ResourceClass]]:
    covered = {t for types in SERVICES.values() for t in types}
    missing = sorted(set(schema.resource_types()) - covered)
    if missing:
        raise ValueError(f"resource types without a service module: {', '.join(missing)} - add them to SERVICES")
    return {service: [resource_class(t) for t in types] for service, types in SERVICES.items()}
