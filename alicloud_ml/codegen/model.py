"""Turn the provider schema into the view the templates render: classes, arguments, specs, docs."""

from __future__ import annotations

import keyword
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from alicloud_ml import schema
from alicloud_ml.codegen import cdktf_names

# Provider arguments that carry credentials are never accepted: use a profile, assume_role or the environment.
PROVIDER_EXCLUDED = {"access_key", "secret_key", "security_token"}
# The provider silently falls back to cn-beijing without a region, so the bindings require one.
PROVIDER_REQUIRED = {"region"}
#: Names a resource or data source class cannot use for an argument or reference: constructor
#: arguments, meta-arguments, and the public members of cdktf's TerraformResource / TerraformDataSource
#: (0.21; tests/bindings checks the list still covers them). Such names get a trailing `_` (but `scope` and
#: `id`: as in cdktf, the positional parameters are renamed instead, `scope_` / `id_`). Listed,
#: not read from cdktf, so generating the bindings needs neither jsii nor node (it runs at build time).
RESERVED = frozenset({
    "scope", "id", "alias",
    "add_move_target", "add_override", "cdktf_stack", "connection", "count", "depends_on", "for_each", "fqn",
    "friendly_unique_id", "get_any_map_attribute", "get_boolean_attribute", "get_boolean_map_attribute",
    "get_list_attribute", "get_number_attribute", "get_number_list_attribute", "get_number_map_attribute",
    "get_string_attribute", "get_string_map_attribute", "has_resource_move", "import_from",
    "interpolation_for_attribute", "is_construct", "is_terraform_data_source", "is_terraform_element",
    "is_terraform_resource", "lifecycle", "move_from_id", "move_to", "move_to_id", "node", "override_logical_id",
    "provider", "provisioners", "reset_override_logical_id", "terraform_generator_metadata",
    "terraform_meta_arguments", "terraform_resource_type", "to_hcl_terraform", "to_metadata", "to_string",
    "to_terraform", "with_",
})
DOCS = "https://registry.terraform.io/providers/aliyun/alicloud/{version}/docs/{kind}/{name}"
#: Types whose docs page names no subcategory go to this module.
FALLBACK_MODULE = "common"


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
    top: bool = False  # an argument of the resource itself, not of a nested block
    cdktf: str = ""  # cdktf's Python keyword for it (`page404_config`), accepted as an alias where it differs

    @property
    def py(self) -> str:
        """Python parameter name: a keyword such as `not` (or a reserved name such as `node`) gets a `_`."""
        return python_name(self.name, self.top)


@dataclass
class Ref:
    name: str
    type: str
    kind: Any  # a kind string, or (collection, shape) for an object attribute (see the bindings' _outputs)
    is_block: bool = False

    @property
    def py(self) -> str:
        return python_name(self.name, top_level=True)

    @property
    def cdktf(self) -> str:
        """cdktf's Python name for the attribute, when it differs from ours and names no cdktf member."""
        name = cdktf_names.attribute_python_name(self.name)
        return name if name != self.py and name not in RESERVED else ""


@dataclass
class BlockClass:
    name: str
    tf_path: str
    doc: str
    args: list[Arg] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)  # Terraform name -> output kind, computed fields too
    cdktf_name: str = ""  # cdktf's struct name (`OssBucketLogging` for our `OssBucketLoggingBlock`)

    @property
    def aliases(self) -> dict[str, str]:
        return _aliases(self.args, self.fields)

    @property
    def alias_args(self) -> list[Arg]:
        return _alias_args(self.args, set())

    @property
    def fields_source(self) -> str:
        return _fields_source(self.fields)


@dataclass
class ResourceClass:
    name: str
    tf_type: str
    doc: str
    docs_url: str
    data: bool = False  # a data source (`data "alicloud_zones"`), not a resource
    args: list[Arg] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    blocks: list[BlockClass] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    cdktf_name: str = ""  # cdktf's class name (`OssBucketLoggingA` for our `OssBucketLogging`)
    module: str = ""  # the bindings module (`vswitch`, `data_alicloud_zones`)
    convert_module: str = ""  # where `cdktf convert` imports it from, when that differs from `module`
    scope_param: str = "scope"  # cdktf's names of the two positional parameters
    id_param: str = "id"
    object_structs: dict[str, str] = field(default_factory=dict)  # cdktf's struct of an object attribute -> path
    config_name: str = ""  # cdktf's `<Type>Config` (`OssBucketRefererConfigA` when the plain name was taken)

    @property
    def aliases(self) -> dict[str, str]:
        return _aliases(self.args, {r.name: None for r in self.refs})

    @property
    def alias_args(self) -> list[Arg]:
        return _alias_args(self.args, {self.scope_param, self.id_param, *cdktf_names.META_ARGUMENTS})

    @property
    def alias_refs(self) -> list[Ref]:
        taken = {r.py for r in self.refs}
        return [r for r in self.refs if r.cdktf and r.cdktf not in taken]

    @property
    def exports(self) -> dict[str, str]:
        """{name in the type's module: our class it binds}: cdktf's names keep cdktf's meaning (`OssBucketLogging`
        is the block in `oss_bucket`, the resource is `OssBucketLoggingA`); ours are aliases where free."""
        classes = [(self.cdktf_name, self.name), *((b.cdktf_name, b.name) for b in self.blocks)]
        theirs = {cdktf: ours for cdktf, ours in classes if cdktf}
        taken = set(theirs) | {self.config_name} | set(self.object_structs)
        return {**{ours: ours for _, ours in classes if ours not in taken}, **theirs}

    @property
    def rebound(self) -> list[tuple[str, str]]:
        """(name, our class) for every export that is not the class's own name, in one assignment."""
        return [(name, ours) for name, ours in self.exports.items() if name != ours]

    @property
    def shadowed(self) -> list[str]:
        """Our class names that cdktf gives something else made on demand (its `<Type>Config`, object structs)."""
        exports = self.exports
        return [ours for _, ours in [(None, self.name), *((None, b.name) for b in self.blocks)] if ours not in exports]

    def import_name(self, ours: str) -> str:
        """A name the type's module exports our class `ours` under."""
        return ours if self.exports.get(ours) == ours else next(n for n, c in self.exports.items() if c == ours)


def _aliases(args: list[Arg], fields: dict[str, Any]) -> dict[str, str]:
    """{cdktf's Python spelling: Terraform name} where it differs from ours (class-level `_ALIASES`)."""
    ours = {a.py for a in args}
    names = {a.name for a in args} | set(fields)
    out = {}
    for name in sorted(names):
        theirs = cdktf_names.attribute_python_name(name)
        if theirs != name and theirs != python_name(name) and theirs not in ours:
            out[theirs] = name
    return out


def _alias_args(args: list[Arg], taken: set[str]) -> list[Arg]:
    """cdktf's keyword for an argument, declared next to ours where it differs and names nothing else."""
    used = {a.py for a in args} | taken
    out = []
    for a in args:
        if a.cdktf and a.cdktf != a.py and a.cdktf not in used:
            used.add(a.cdktf)
            out.append(a)
    return out


def _fields_source(fields: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{name!r}: {_kind_source(kind)}" for name, kind in fields.items()) + "}"


def _kind_source(kind: Any) -> str:
    if isinstance(kind, tuple):
        collection, inner = kind
        return f"({collection!r}, {inner if isinstance(inner, str) and inner[:1].isupper() else _fields_source(inner)})"
    return repr(kind)


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


def output_kind(t: Any) -> Any:
    """What reading a value of Terraform type `t` gives (see the bindings' `_outputs`): a kind string, or
    (collection, shape) for objects, so `zones.zones.get(0).id` and `ref.field` are tokens."""
    if isinstance(t, str):
        return {"string": "str", "number": "num", "bool": "bool"}.get(t, "any")
    outer, inner = t
    if outer == "object":
        return ("object", {k: output_kind(v) for k, v in sorted(inner.items())})
    if isinstance(inner, list) and inner[0] == "object":
        return (outer, output_kind(inner)[1])
    if isinstance(inner, list) and isinstance(inner[1], list) and inner[1][0] == "object":  # list(list(object))
        return (outer + inner[0], output_kind(inner[1])[1])
    if isinstance(inner, str) and inner in ("string", "number", "bool"):
        return f"{outer}:{output_kind(inner)}"
    return "any"


def _ref(name: str, kind: str, elem: str | None, attr_type: Any = None) -> Ref:
    if kind == "object":
        return Ref(name, "Any", output_kind(attr_type))
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
    if attr.get("removed"):
        args.append(f"removed={attr['removed']!r}")
    return f"S({', '.join(args)})"


def groups(block: dict[str, Any]) -> list[str]:
    """`Group(...)` source for each distinct exactly_one_of / at_least_one_of rule of a block's attributes."""
    seen: dict[tuple[str, tuple[str, ...]], None] = {}
    for attr in block.get("attributes", {}).values():
        for rule in ("exactly_one_of", "at_least_one_of"):
            if attr.get(rule):
                seen[(rule, tuple(attr[rule]))] = None
    return [f"Group({rule!r}, {names!r})" for rule, names in seen]


def python_name(name: str, top_level: bool = False) -> str:
    """The Python name of a Terraform argument: keywords, and on resources the reserved names, get a `_`.
    `scope` and `id` keep their names: the positional parameters are renamed instead, as cdktf does."""
    clash = keyword.iskeyword(name) or (top_level and name in RESERVED and name not in ("id", "scope"))
    return name + "_" if clash else name


class Names:
    """Class names within one module: a block class is named resource + block (`OssBucket` + `versioning`),
    which can be another class's name (`alicloud_oss_bucket_versioning`); later ones get `Block`, then a number."""

    def __init__(self, taken: set[str]):
        self.taken = set(taken)

    def claim(self, wanted: str) -> str:
        name, n = wanted, 1
        while name in self.taken:
            name = f"{wanted}Block" if n == 1 else f"{wanted}Block{n}"
            n += 1
        self.taken.add(name)
        return name


def _arguments(owner: str, block: dict[str, Any], class_prefix: str, tf_path: str, names: Names,
               out_blocks: list[BlockClass], excluded: frozenset[str] = frozenset(),
               force_required: frozenset[str] = frozenset()) -> tuple[list[Arg], list[Ref]]:
    args: list[Arg] = []
    refs: list[Ref] = []
    top = tf_path == ""
    for name, attr in sorted(block.get("attributes", {}).items()):
        if name in excluded or attr.get("sensitive") and owner == "provider":
            continue
        kind, elem = _kind(attr)
        cdktf = cdktf_names.attribute_python_name(name)
        # `id` too: the SDK makes it optional, as cdktf has it; a Removed one is accepted as a keyword (cdktf has it)
        # and refused at construction with the SDK's [REMOVED] message
        if attr.get("required") or attr.get("optional"):
            required = bool(attr.get("required")) or name in force_required
            if kind == "object":  # a nested collection (list of maps, map of lists): passed through as given
                args.append(Arg(name, "Any", "S('any', required=True)" if required else "S('any')", _doc(attr),
                                required, top, cdktf))
            else:
                args.append(Arg(name, _hint(kind, elem), _spec(kind, elem, attr, required), _doc(attr), required,
                                top, cdktf))
        refs.append(_ref(name, kind, elem, attr["type"]))
    for name, nested in sorted(block.get("block_types", {}).items()):
        cls_name = names.claim(class_prefix + camel(name))
        path = f"{tf_path}.{name}" if tf_path else name
        nested_args, nested_refs = _arguments(owner, nested["block"], cls_name, path, names, out_blocks)
        out_blocks.append(BlockClass(cls_name, path, one_paragraph(nested["block"].get("description", ""), 300), nested_args,
                                     groups(nested["block"]), {r.name: r.kind for r in nested_refs}))
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
        if nested.get("removed"):  # the SDK lowers a Removed block into the schema; setting it is an error
            spec.append(f"removed={nested['removed']!r}")
        args.append(Arg(name, hint, f"S({', '.join(spec)})", doc, required, top,
                        cdktf_names.attribute_python_name(name)))
        one = nesting == "single" or (nesting == "list" and nested.get("max_items") == 1)
        collection = "single" if nesting == "single" else "list1" if one else nesting
        refs.append(Ref(name, "Any", (collection, cls_name), is_block=True))
    args.sort(key=lambda a: (not a.required, a.name))
    return args, refs


def resource_class_name(tf_type: str, data: bool = False) -> str:
    """`alicloud_nas_file_system` → `NasFileSystem`; data source `alicloud_zones` → `DataAlicloudZones` (cdktf's names)."""
    return "Data" + camel(tf_type) if data else camel(tf_type.removeprefix("alicloud_"))


def type_class(tf_type: str, names: Names, data: bool = False) -> ResourceClass:
    name = resource_class_name(tf_type, data)
    blocks: list[BlockClass] = []
    block = schema.data_source_block(tf_type) if data else schema.resource_block(tf_type)
    args, refs = _arguments(tf_type, block, name, "", names, blocks)
    docs_url = DOCS.format(version=schema.provider_version(), kind="data-sources" if data else "resources",
                           name=tf_type.removeprefix("alicloud_"))
    resource = ResourceClass(name, tf_type, one_paragraph(block.get("description", ""), 600), docs_url, data, args,
                             refs, blocks, groups(block))
    return _with_cdktf_names(resource, cdktf_type_names()[(tf_type, data)])


def _with_cdktf_names(resource: ResourceClass, theirs: cdktf_names.TypeNames) -> ResourceClass:
    resource.cdktf_name, resource.module, resource.config_name = theirs.class_name, theirs.module, theirs.config_name
    resource.convert_module = theirs.convert_module if theirs.convert_module != theirs.module else ""
    resource.scope_param, resource.id_param = theirs.scope_param, theirs.id_param
    structs = {".".join(s.path): s.name for s in theirs.structs}
    for b in resource.blocks:
        b.cdktf_name = structs.pop(b.tf_path, "")
    resource.object_structs = {name: path for path, name in structs.items()}  # what remains: object attributes
    return resource


@cache
def cdktf_type_names() -> dict[tuple[str, bool], cdktf_names.TypeNames]:
    """cdktf's names for every type ((Terraform type, is data source) -> names), the provider under ("provider", False)."""
    resources = {t: schema.resource_block(t) for t in schema.resource_types()}
    data_sources = {t: schema.data_source_block(t) for t in schema.data_source_types()}
    return {(n.tf_type, n.data): n for n in cdktf_names.provider_names(resources, data_sources, schema.provider_block())}


def provider_class() -> ResourceClass:
    blocks: list[BlockClass] = []
    args, _ = _arguments("provider", schema.provider_block(), "AlicloudProvider", "", Names({"AlicloudProvider"}),
                         blocks, excluded=frozenset(PROVIDER_EXCLUDED), force_required=frozenset(PROVIDER_REQUIRED))
    resource = ResourceClass("AlicloudProvider", "alicloud", "", "", False, args, [], blocks)
    return _with_cdktf_names(resource, cdktf_type_names()[("provider", False)])


def module_name(subcategory: str | None) -> str:
    """The service module a docs subcategory maps to: its abbreviation in parentheses when it has one
    (`Container Service for Kubernetes (ACK)` → `ack`, `Elastic Block Storage(EBS)` → `ebs`), else the
    name in snake case (`NAT Gateway` → `nat_gateway`, `ECS` → `ecs`)."""
    if not subcategory:
        return FALLBACK_MODULE
    found = re.findall(r"\(([^()]+)\)", subcategory)
    base = found[-1] if found else subcategory
    slug = re.sub(r"[^a-z0-9]+", "_", base.lower()).strip("_")
    return slug + "_" if keyword.iskeyword(slug) or slug in ("provider", "common") else slug


def module_of(tf_type: str, data: bool = False) -> str:
    """The module a type lives in (types whose page has no subcategory follow their name's service prefix)."""
    kind = "data_source" if data else "resource"
    sub = schema.subcategory(tf_type, kind)
    if sub is None:
        sub = _prefix_subcategory().get(tf_type.removeprefix("alicloud_").split("_")[0])
    return module_name(sub)


@cache
def _prefix_subcategory() -> dict[str, str]:
    """The most common subcategory per name prefix (`cdn` → `CDN`), for types whose docs page names none."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, types in (("resource", schema.resource_types()), ("data_source", schema.data_source_types())):
        for t in types:
            if sub := schema.subcategory(t, kind):
                counts[t.removeprefix("alicloud_").split("_")[0]][sub] += 1
    return {prefix: c.most_common(1)[0][0] for prefix, c in counts.items()}


@cache
def module_types() -> dict[str, tuple[list[str], list[str]]]:
    """module → (resource types, data source types), modules and types sorted."""
    out: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for t in schema.resource_types():
        out[module_of(t)][0].append(t)
    for t in schema.data_source_types():
        out[module_of(t, data=True)][1].append(t)
    return dict(sorted(out.items()))


def service_classes(module: str) -> list[ResourceClass]:
    """Every resource and data source class of one module, block class names unique within it."""
    resources, data_sources = module_types()[module]
    top = {resource_class_name(t) for t in resources} | {resource_class_name(t, True) for t in data_sources}
    names = Names(top)
    return [type_class(t, names) for t in resources] + [type_class(t, names, data=True) for t in data_sources]


def subcategory_title(module: str) -> str:
    """The docs subcategory a module was named after (for its docstring)."""
    resources, data_sources = module_types()[module]
    first = resources[0] if resources else data_sources[0]
    return schema.subcategory(first, "resource" if resources else "data_source") or "types whose docs name no service"
