"""The names `cdktf get` gives a provider's Python bindings, computed from the schema without node.

Users arriving with cdktf code (or `cdktf convert` output) use these names: module per type
(`cdktf_cdktf_provider_alicloud.vswitch`), class (`Vswitch`, `OssBucketLoggingA` on a collision),
constructor keywords (`page404_config`, `scope` with the construct scope renamed `scope_`). The
generated bindings use them as the primary names in the per-type modules and keep the toolkit's own
spellings as aliases. The rules are those of cdktf 0.21's provider generator and of jsii's Python
target; `tests/bindings/test_cdktf_names.py` runs cdktf's own parser (node_modules) over all 1,964
types and checks every name it gives is reachable here.

Sources (cdktf-cli 0.21.0 / jsii-pacmak 1.112 in node_modules): `@cdktf/provider-generator`
`lib/get/generator/resource-parser.js` (class, config and struct names, `uniqueClassName`),
`models/attribute-model.js` (`escapeAttributeName`), `provider-generator.js` (namespace per type),
`codemaker/lib/case-utils.js` with `camelcase@6.3.0` / `decamelize@5.0.1` (case conversion),
`jsii-pacmak/lib/targets/python.js` (`toPythonParameterName`: positional parameters renamed with a
trailing `_` while a keyword argument has their name; keywords get a trailing `_`).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------- case conversion (codemaker)

_SEPARATORS = r"[_.\- ]+"


def _preserve_camel_case(text: str) -> str:
    chars = list(text)
    last_lower = last_upper = last_last_upper = False
    i = 0
    while i < len(chars):
        ch = chars[i]
        if last_lower and ch.isupper():
            chars.insert(i, "-")
            last_lower, last_last_upper, last_upper = False, last_upper, True
            i += 1
        elif last_upper and last_last_upper and ch.islower():
            chars.insert(i - 1, "-")
            last_last_upper, last_upper, last_lower = last_upper, False, True
        else:
            last_lower = ch.lower() == ch and ch.upper() != ch
            last_last_upper = last_upper
            last_upper = ch.upper() == ch and ch.lower() != ch
        i += 1
    return "".join(chars)


def camel_case(text: str, pascal: bool = False) -> str:
    """`camelcase@6.3.0` as codemaker's `toCamelCase` / `toPascalCase` call it."""
    text = text.strip()
    if not text:
        return ""
    if len(text) == 1:
        return text.upper() if pascal else text.lower()
    if text != text.lower():
        text = _preserve_camel_case(text)
    text = re.sub("^" + _SEPARATORS, "", text).lower()
    if pascal:
        text = text[:1].upper() + text[1:]
    text = re.sub(_SEPARATORS + r"(\w|$)", lambda m: m.group(1).upper(), text)
    return re.sub(r"\d+(\w|$)", lambda m: m.group(0).upper(), text)


def pascal_case(text: str) -> str:
    return camel_case(text, pascal=True)


_ABBREVIATIONS = re.compile(r"(^|[^A-Z])(KiB|MiB|GiB)($|[^a-z])")


def snake_case(text: str) -> str:
    """codemaker's `toSnakeCase` (`decamelize@5.0.1` after keeping KiB/MiB/GiB as one word)."""
    text = _ABBREVIATIONS.sub(lambda m: m.group(1) + m.group(2).capitalize() + m.group(3), text)
    if len(text) < 2:
        return text.lower()
    text = re.sub(r"([a-z\d])([A-Z])", r"\1_\2", text)
    return re.sub(r"([A-Z])([A-Z][a-z]+)", r"\1_\2", text).lower()


def python_identifier(name: str) -> str:
    """jsii's `toPythonIdentifier`: a Python keyword gets a trailing `_`."""
    return name + "_" if keyword.iskeyword(name) else name


def escape_attribute_name(name: str) -> str:
    """cdktf's `escapeAttributeName` (camelCase in, camelCase out)."""
    if name in ("self", "build", "tfResourceType", "importFrom", "moveTo", "software"):
        return name + "Attribute"
    if re.match(r"^get[A-Za-z]+", name):
        return name.replace("get", "fetch", 1)
    return {"equals": "equalTo", "node": "nodeAttribute", "system": "systemAttribute"}.get(name, name)


def attribute_python_name(tf_name: str) -> str:
    """The keyword / property name cdktf's Python bindings give a Terraform attribute."""
    return python_identifier(snake_case(escape_attribute_name(camel_case(tf_name))))


def module_name(base_name: str) -> str:
    """The Python submodule of a type: jsii's snake case of cdktf's namespace (`edas_k8_s_application`)."""
    namespace = camel_case(snake_case(base_name).replace("_", "-"))
    return snake_case(python_identifier(namespace))


def convert_module_name(base_name: str) -> str:
    """The module `cdktf convert` imports a type from (`imports.alicloud.<this>`): the namespace folder,
    dashes turned back into underscores by jsii-rosetta's Python translation."""
    return snake_case(base_name)


#: TerraformMetaArguments: every resource and data source config struct extends it.
META_ARGUMENTS = ("connection", "count", "depends_on", "for_each", "lifecycle", "provider", "provisioners")
_RESERVED_NAMESPACES = {"string", "object", "function", "implements", "interface", "let", "package", "private",
                        "protected", "public", "static", "yield", "await", "license", "version"}

# ---------------------------------------------------------------- the provider-wide class names


@dataclass
class Struct:
    name: str  # cdktf's class name
    path: tuple[str, ...]  # Terraform attribute path from the type, e.g. ("taints",)
    keywords: dict[str, str] = field(default_factory=dict)  # python keyword -> Terraform name (assignable)


@dataclass
class TypeNames:
    tf_type: str
    data: bool
    class_name: str
    config_name: str
    module: str
    convert_module: str
    keywords: dict[str, str] = field(default_factory=dict)  # python keyword -> Terraform name (attributes only)
    scope_param: str = "scope"
    id_param: str = "id"
    structs: list[Struct] = field(default_factory=list)


def _sorted(mapping: dict[str, Any] | None) -> list[tuple[str, Any]]:
    """Terraform's `providers schema -json` writes maps with sorted keys; cdktf walks them in that order."""
    return sorted((mapping or {}).items())


class _Parser:
    """One type, as cdktf's `Parser`; `taken` is the provider-wide list of class names."""

    def __init__(self, taken: set[str]):
        self.taken = taken
        self.structs: list[Struct] = []

    def unique(self, name: str) -> str:
        if name in self.taken:
            name += "A"
        self.taken.add(name)
        return name

    def add_struct(self, scope: list[str], path: tuple[str, ...], keywords: dict[str, str]) -> None:
        possible = pascal_case("_".join(snake_case(s) for s in scope))
        self.structs.append(Struct(self.unique(possible + "Struct" if possible.lower().endswith("list")
                                               else possible), path, keywords))

    def attribute_type(self, scope: list[str], path: tuple[str, ...], attr_type: Any, settable: bool) -> None:
        if isinstance(attr_type, list) and len(attr_type) == 2:
            kind, inner = attr_type
            if kind in ("list", "set", "map"):
                self.attribute_type(scope, path, inner, settable)
            elif kind == "object":
                keywords: dict[str, str] = {}
                for name, sub in _sorted(inner):
                    self.attribute_type([*scope, name], (*path, name), sub, settable)
                    if settable:  # the fields of an object attribute are settable when the attribute is
                        keywords[attribute_python_name(name)] = name
                self.add_struct(scope, path, keywords)

    def block(self, scope_name: str, path: tuple[str, ...], block: dict[str, Any]) -> dict[str, str]:
        """Registers the block's structs (cdktf's order) and returns its assignable keywords."""
        keywords: dict[str, str] = {}
        for name, attr in _sorted(block.get("attributes")):
            settable = bool(attr.get("required") or attr.get("optional"))
            self.attribute_type([scope_name, name], (*path, name), attr["type"], settable)
            if attr.get("required") or attr.get("optional"):
                keywords[attribute_python_name(name)] = name
        for name, nested in _sorted(block.get("block_types")):
            inner = self.block(f"{scope_name}_{name}", (*path, name), nested["block"])
            self.add_struct([scope_name, name], (*path, name), inner)
            if nested["nesting_mode"] != "map":  # cdktf makes map-nested blocks neither optional nor required
                keywords[attribute_python_name(name)] = name
        return keywords


def _type_names(taken: set[str], tf_type: str, block: dict[str, Any], data: bool) -> TypeNames:
    if tf_type == "provider":  # the provider block: `alicloud_provider`, plus the `alias` cdktf adds
        base = "alicloud_provider"
        block = {**block, "attributes": {**block.get("attributes", {}), "alias": {"type": "string", "optional": True}}}
    else:
        base = (("data_" if data else "") + tf_type).removeprefix("alicloud_")
        if base.lower() in _RESERVED_NAMESPACES or base == "provider":
            base += "_resource"
    parser = _Parser(taken)
    class_name = parser.unique(pascal_case(base))
    config_name = parser.unique(class_name + "Config")
    keywords = parser.block(base, (), block)
    lifted = set(keywords) | (set() if tf_type == "provider" else set(META_ARGUMENTS))
    scope_param, id_param = "scope", "id"
    while scope_param in lifted:
        scope_param += "_"
    while id_param in lifted:
        id_param += "_"
    module = "provider" if tf_type == "provider" else module_name(base)
    return TypeNames(tf_type, data, class_name, config_name, module, convert_module_name(base),
                     keywords, scope_param, id_param, parser.structs)


def provider_names(resources: dict[str, dict[str, Any]], data_sources: dict[str, dict[str, Any]],
                   provider: dict[str, Any]) -> Iterator[TypeNames]:
    """Every type's cdktf names in the order cdktf allocates them: resources, data sources, the provider
    (whose `tf_type` is "provider")."""
    taken: set[str] = set()
    for tf_type, block in sorted(resources.items()):
        yield _type_names(taken, tf_type, block, data=False)
    for tf_type, block in sorted(data_sources.items()):
        yield _type_names(taken, tf_type, block, data=True)
    yield _type_names(taken, "provider", provider, data=False)
