"""Runtime for the generated bindings: validate, create the jsii node, synthesize, hand out references.

The generated classes only declare specs (`_spec` checks arguments against them); this module
creates the jsii nodes, synthesizes their attributes and gives cdktf's generated-class members
(`TF_RESOURCE_TYPE`, `generate_config_for_import`, `put_<block>`, `reset_<attr>`, `<attr>_input`,
output references). Validation happens before the jsii object is created, so a bad argument never
leaves a half-built construct in the tree, and every problem is reported at once with the construct
path, the attribute path and what is accepted.

Speed: a jsii round trip costs about 0.35-0.5 ms on a 2-core machine. A resource therefore
makes exactly one call at construction (a plain-dict config instead of the typed struct,
which also skips typeguard) plus the two `synthesizeAttributes` callbacks cdktf makes per
resource (one while preparing the stack, one while writing it) - none inside a bulk synthesis
(see `BULK`), which resolves attributes once per stack. Reference tokens are fetched once per
resource and attribute. jsii rescans a class for overridden methods on every object it creates
(a getattr per class member: our classes have hundreds); the result only depends on the class, so
it is memoised per class below.
"""

from __future__ import annotations

import contextvars
from collections.abc import Mapping
from typing import Any, ClassVar, Generic, TypeVar, overload

import jsii
import jsii._kernel as _jsii_kernel

from cdktf_cdktf_provider_alicloud import _dynamic, _outputs
from cdktf_cdktf_provider_alicloud._cdk import TerraformDataSource, TerraformProvider, TerraformResource, cdk
from cdktf_cdktf_provider_alicloud._errors import Problem, raise_problems
from cdktf_cdktf_provider_alicloud._spec import (
    REQUIRED, Block, Group, S, given, is_token, merge_aliases, synthesize, tf_name, validate, validate_value,
)

__all__ = [
    "BULK", "REQUIRED", "Attr", "Block", "BlockAttr", "DataSource", "Group", "Provider", "Resource", "S", "is_token",
    "lazy_names", "meta_config",
]

T = TypeVar("T")

#: The bulk synthesis resources built now register with (alicloud-ml-cdk sets it, see `alicloud_ml._bulk`):
#: such resources skip the per-resource synthesizeAttributes callback; the collector resolves them per stack.
BULK: contextvars.ContextVar[Any] = contextvars.ContextVar("cdktf_provider_alicloud_bulk", default=None)


def _memoise_override_scan() -> None:
    scan = _jsii_kernel._get_overides
    if getattr(scan, "_alicloud_memoised", False):
        return
    cache: dict[tuple[type, type, bool], list[Any]] = {}

    def memoised(klass: type, obj: Any) -> list[Any]:
        bulk = obj.__dict__.get("_bulk_synthesis", False)
        key = (klass, type(obj), bulk)
        if key not in cache:
            overrides = scan(klass, obj)
            # In a bulk synthesis the attributes are merged per stack, so node must not call back for them.
            cache[key] = [o for o in overrides if not (bulk and o.method == "synthesizeAttributes")]
        return list(cache[key])

    memoised._alicloud_memoised = True  # type: ignore[attr-defined]
    _jsii_kernel._get_overides = memoised


_memoise_override_scan()

META = ("connection", "count", "depends_on", "for_each", "lifecycle", "provider", "provisioners")


def meta_config(connection: Any, count: Any, depends_on: Any, for_each: Any, lifecycle: Any, provider: Any,
                provisioners: Any) -> dict[str, Any] | None:
    """Terraform meta-arguments (cdktf's TerraformMetaArguments), or None when none are set."""
    meta = dict(zip(META, (connection, count, depends_on, for_each, lifecycle, provider, provisioners)))
    return {k: v for k, v in meta.items() if v is not None} or None


class _Generated:
    """What generated resources and data sources share: validate, create the jsii node, synthesize."""

    TF_TYPE: ClassVar[str] = ""
    TF_RESOURCE_TYPE: ClassVar[str] = ""  # cdktf's name for TF_TYPE
    _SPEC: ClassVar[dict[str, S]] = {}
    _GROUPS: ClassVar[tuple[Group, ...]] = ()
    _ALIASES: ClassVar[dict[str, str]] = {}  # other Python spellings (cdktf's) -> Terraform name

    def __init__(self, scope: Any, id: str, values: dict[str, Any], unknown: Mapping[str, Any],
                 meta: dict[str, Any] | None, alias_values: Mapping[str, Any] = {}) -> None:
        values, unknown = given(values), dict(unknown)
        problems = merge_aliases(self._SPEC, self._ALIASES, values, unknown, alias_values, "")
        problems += validate(self._SPEC, values, unknown, "", self._GROUPS)
        for name, content in _dynamic_contents(self._SPEC, values):
            self._SPEC[name].block._from_mapping(content)._collect_problems(f"{name}[each]", problems)
        if problems:
            raise_problems(f"{scope.node.path}/{id}".lstrip("/"), problems)
        bulk = BULK.get()
        if bulk is not None:
            self._bulk_synthesis = True
        if meta is None:
            # One jsii call; the typed config struct would add typeguard work and a second object.
            jsii.create(self.__class__, self, [scope, id, {"terraformResourceType": self.TF_TYPE}])
        else:
            config = cdk.TerraformResourceConfig(terraform_resource_type=self.TF_TYPE, **meta)
            jsii.create(self.__class__, self, [scope, id, config])
        self._tf_values = values
        if bulk is not None:
            bulk.register(scope, id, self)

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        attributes = synthesize(self._SPEC, self._tf_values)
        for name, content in _dynamic_contents(self._SPEC, self._tf_values):  # `iterator.dynamic()` as a block
            block = self._SPEC[name].block._from_mapping(content)._to_terraform()
            attributes.setdefault("dynamic", {})[name] = _dynamic.dynamic_block(self, attributes.pop(name), block)
        return attributes

    def configured(self, name: str) -> Any:
        """The value this construct was given for `name` (not a token), or None."""
        return self._tf_values.get(name)

    def _set_attribute(self, name: str, value: Any) -> None:
        problems: list[Problem] = []
        if value is not None:
            validate_value(self._SPEC[name], value, name, problems)
        if problems:
            raise_problems(self.node.path, problems)  # type: ignore[attr-defined]
        if value is None:
            self._tf_values.pop(name, None)
        else:
            self._tf_values[name] = value

    @classmethod
    def generate_config_for_import(cls, scope: Any, import_to_id: str, import_from_id: str,
                                   provider: Any = None) -> Any:
        """cdktf's import helper: an `ImportableResource` that `cdktf plan` turns into generated config."""
        return cdk.ImportableResource(scope, import_to_id, _ImportConfig(cls.TF_TYPE, import_from_id, provider))

    def __getattr__(self, name: str) -> Any:
        """cdktf's generated members: `reset_<attr>()`, `put_<block>(value)`, `<attr>_input`."""
        if name.startswith("_"):
            raise AttributeError(name)
        spec = type(self)._SPEC
        for prefix in ("reset_", "put_"):
            if name.startswith(prefix) and (attr := tf_name(spec, self._ALIASES, name[len(prefix):])) is not None:
                if prefix == "put_" and spec[attr].kind != "block":
                    break
                if prefix == "reset_":
                    return lambda: self._set_attribute(attr, None)
                return lambda value: self._set_attribute(attr, value)
        if name.endswith("_input") and (attr := tf_name(spec, self._ALIASES, name[: -len("_input")])) is not None:
            return self._tf_values.get(attr)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


def _dynamic_contents(spec: Mapping[str, S], values: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """(block name, content) for each block given as `iterator.dynamic(content)`."""
    return [(name, content) for name, value in values.items()
            if spec[name].kind == "block" and (content := _dynamic.content_of(value)) is not None]


@jsii.implements(cdk.IImportableConfig)
class _ImportConfig:
    def __init__(self, resource_type: str, import_id: str, provider: Any) -> None:
        self._resource_type, self._import_id, self._provider = resource_type, import_id, provider

    @property
    def terraform_resource_type(self) -> str:
        return self._resource_type

    @property
    def import_id(self) -> str:
        return self._import_id

    @property
    def provider(self) -> Any:
        return self._provider


class Resource(_Generated, TerraformResource):
    """Base of every generated resource class."""


class DataSource(_Generated, TerraformDataSource):
    """Base of every generated data source class (`data "alicloud_zones" ...`)."""


class Provider(TerraformProvider):
    """Base of the generated provider class."""

    TF_TYPE: ClassVar[str] = ""
    TF_RESOURCE_TYPE: ClassVar[str] = ""
    SOURCE: ClassVar[str] = ""
    VERSION: ClassVar[str] = ""
    _SPEC: ClassVar[dict[str, S]] = {}
    _GROUPS: ClassVar[tuple[Group, ...]] = ()
    _ALIASES: ClassVar[dict[str, str]] = {}

    def __init__(self, scope: Any, id: str, values: dict[str, Any], unknown: Mapping[str, Any], alias: str | None,
                 alias_values: Mapping[str, Any] = {}) -> None:
        values, unknown = given(values), dict(unknown)
        problems = merge_aliases(self._SPEC, self._ALIASES, values, unknown, alias_values, "")
        problems += validate(self._SPEC, values, unknown, "")
        if problems:
            raise_problems(f"{scope.node.path}/{id}".lstrip("/"), problems)
        super().__init__(
            scope,
            id,
            terraform_resource_type=self.TF_TYPE,
            terraform_provider_source=self.SOURCE,
            terraform_generator_metadata=cdk.TerraformProviderGeneratorMetadata(
                provider_name=self.TF_TYPE, provider_version=self.VERSION, provider_version_constraint=self.VERSION
            ),
        )
        if alias is not None:
            self.alias = alias
        self._tf_values = values

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return synthesize(self._SPEC, self._tf_values)

    def configured(self, name: str) -> Any:
        return self._tf_values.get(name)


class Attr(Generic[T]):
    """A resource attribute: reading it gives a reference token (`${type.name.attr}`, or an output
    reference for an object attribute), assigning validates and sets it."""

    __slots__ = ("name", "kind")

    def __init__(self, name: str, kind: Any) -> None:
        self.name, self.kind = name, kind

    @overload
    def __get__(self, obj: None, owner: type) -> Attr[T]: ...
    @overload
    def __get__(self, obj: _Generated, owner: type) -> T: ...
    def __get__(self, obj: _Generated | None, owner: type) -> Any:
        if obj is None:
            return self
        refs = obj.__dict__.setdefault("_refs", {})
        if self.name not in refs:
            refs[self.name] = _outputs.reference(obj, self.name, self.kind)
        return refs[self.name]

    def __set__(self, obj: _Generated, value: T) -> None:
        if self.name not in obj._SPEC:
            raise AttributeError(f"{obj.node.path}: {self.name} is computed by the provider and "  # type: ignore[attr-defined]
                                 "cannot be set")
        obj._set_attribute(self.name, value)


class BlockAttr(Generic[T]):
    """A nested block: reading gives cdktf's output reference (a list of references, or one reference
    for a block of at most one item), assigning validates and replaces the configured block(s)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> BlockAttr[T]: ...
    @overload
    def __get__(self, obj: _Generated, owner: type) -> Any: ...
    def __get__(self, obj: _Generated | None, owner: type) -> Any:
        if obj is None:
            return self
        refs = obj.__dict__.setdefault("_refs", {})
        if self.name not in refs:
            refs[self.name] = _outputs.reference(obj, self.name, block_kind(obj._SPEC[self.name]))
        return refs[self.name]

    def __set__(self, obj: _Generated, value: T | None) -> None:
        obj._set_attribute(self.name, value)


def block_kind(spec: S) -> tuple[str, Any]:
    """The output-reference kind of a block argument: one reference for a single block or a list of at most one."""
    if spec.nesting == "single":
        return ("single", spec.block)
    if spec.max_items == 1 and spec.nesting == "list":
        return ("list1", spec.block)
    return (spec.nesting or "list", spec.block)


def lazy_names(module: dict[str, Any]) -> Any:
    """A module `__getattr__` serving cdktf's other generated names on demand: `<Type>Config`,
    `<Struct>List`, `<Struct>OutputReference`, `<Struct>Map` (`module` is the module's globals())."""
    def __getattr__(name: str) -> Any:
        from cdktf_cdktf_provider_alicloud._structs import lazy_name

        value = None if name.startswith("__") else lazy_name(module, name)
        if value is None:
            raise AttributeError(f"module {module['__name__']!r} has no attribute {name!r}")
        module[name] = value
        return value

    return __getattr__
