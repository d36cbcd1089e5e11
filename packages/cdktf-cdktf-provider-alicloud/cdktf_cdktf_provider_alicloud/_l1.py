"""Runtime for the generated L1 bindings in `alicloud_ml/provider/`.

The generated classes only declare specs (`alicloud_ml._spec` checks arguments against them);
this module creates the jsii nodes, synthesizes their attributes and hands out reference
tokens. Validation happens before the jsii object is created, so a bad argument never leaves a
half-built construct in the tree, and every problem is reported at once with the construct
path, the attribute path and what is accepted.

Speed: a jsii round trip costs about 0.35-0.5 ms on a 2-core machine. A resource therefore
makes exactly one call at construction (a plain-dict config instead of the typed struct,
which also skips typeguard) plus the two `synthesizeAttributes` callbacks cdktf makes per
resource (one while preparing the stack, one while writing it) - none inside a bulk synthesis
(`alicloud_ml._bulk`), which resolves attributes once per stack. Reference tokens are fetched
once per resource and attribute. jsii rescans a class for overridden methods on every
object it creates (a getattr per class member: our classes have hundreds); the result only
depends on the class, so it is memoised per class below.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Generic, TypeVar, overload

import jsii
import jsii._kernel as _jsii_kernel

from alicloud_ml import _bulk
from alicloud_ml._cdk import TerraformDataSource, TerraformProvider, TerraformResource, cdk
from alicloud_ml._spec import REQUIRED, Block, Group, S, given, is_token, synthesize, validate, validate_value

__all__ = [
    "REQUIRED", "Attr", "Block", "BlockAttr", "DataSource", "Group", "Provider", "Resource", "S", "is_token", "meta_config",
]
from alicloud_ml.errors import Problem, raise_problems

T = TypeVar("T")


def _memoise_override_scan() -> None:
    scan = _jsii_kernel._get_overides
    if getattr(scan, "_alicloud_ml_memoised", False):
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

    memoised._alicloud_ml_memoised = True  # type: ignore[attr-defined]
    _jsii_kernel._get_overides = memoised


_memoise_override_scan()


def meta_config(depends_on: Any, count: Any, provider: Any, lifecycle: Any, for_each: Any) -> dict[str, Any] | None:
    """Terraform meta-arguments in the shape `jsii.create` expects, or None when none are set."""
    if depends_on is None and count is None and provider is None and lifecycle is None and for_each is None:
        return None
    return {"depends_on": depends_on, "count": count, "provider": provider, "lifecycle": lifecycle, "for_each": for_each}


class _Generated:
    """What generated resources and data sources share: validate, create the jsii node, synthesize."""

    TF_TYPE: ClassVar[str] = ""
    _SPEC: ClassVar[dict[str, S]] = {}
    _GROUPS: ClassVar[tuple[Group, ...]] = ()
    _CONFIG: ClassVar[Any] = None  # the cdktf config struct for meta-arguments

    def __init__(
        self, scope: Any, id: str, values: dict[str, Any], unknown: Mapping[str, Any], meta: dict[str, Any] | None
    ) -> None:
        values = given(values)
        problems = validate(self._SPEC, values, unknown, "", self._GROUPS)
        if problems:
            raise_problems(f"{scope.node.path}/{id}".lstrip("/"), problems)
        bulk = _bulk.current()
        if bulk is not None:
            self._bulk_synthesis = True
        if meta is None:
            # One jsii call; the typed config struct would add typeguard work and a second object.
            jsii.create(self.__class__, self, [scope, id, {"terraformResourceType": self.TF_TYPE}])
        else:
            config = self._CONFIG(terraform_resource_type=self.TF_TYPE, **{k: v for k, v in meta.items()})
            jsii.create(self.__class__, self, [scope, id, config])
        self._tf_values = values
        if bulk is not None:
            bulk.register(scope, id, self)

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return synthesize(self._SPEC, self._tf_values)

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


class Resource(_Generated, TerraformResource):
    """Base of every generated resource class."""

    _CONFIG = cdk.TerraformResourceConfig


class DataSource(_Generated, TerraformDataSource):
    """Base of every generated data source class (`data "alicloud_zones" ...`)."""

    _CONFIG = cdk.TerraformResourceConfig


class Provider(TerraformProvider):
    """Base of the generated provider class."""

    TF_TYPE: ClassVar[str] = ""
    SOURCE: ClassVar[str] = ""
    VERSION: ClassVar[str] = ""
    _SPEC: ClassVar[dict[str, S]] = {}

    def __init__(self, scope: Any, id: str, values: dict[str, Any], unknown: Mapping[str, Any], alias: str | None) -> None:
        values = given(values)
        problems = validate(self._SPEC, values, unknown, "")
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


_GETTERS = {
    "str": "get_string_attribute",
    "int": "get_number_attribute",
    "float": "get_number_attribute",
    "bool": "get_boolean_attribute",
    "list:str": "get_list_attribute",
    "set:str": "get_list_attribute",
    "list:num": "get_number_list_attribute",
    "map:str": "get_string_map_attribute",
    "map:bool": "get_boolean_map_attribute",
    "map:num": "get_number_map_attribute",
    "any": "interpolation_for_attribute",
}


class Attr(Generic[T]):
    """A resource attribute: reading it gives a reference token (`${type.name.attr}`), assigning validates and sets it."""

    __slots__ = ("name", "getter")

    def __init__(self, name: str, kind: str) -> None:
        self.name = name
        self.getter = _GETTERS[kind]

    @overload
    def __get__(self, obj: None, owner: type) -> Attr[T]: ...
    @overload
    def __get__(self, obj: _Generated, owner: type) -> T: ...
    def __get__(self, obj: _Generated | None, owner: type) -> Any:
        if obj is None:
            return self
        refs = obj.__dict__.setdefault("_refs", {})
        if self.name not in refs:
            refs[self.name] = getattr(obj, self.getter)(self.name)
        return refs[self.name]

    def __set__(self, obj: _Generated, value: T) -> None:
        if self.name not in obj._SPEC:
            raise AttributeError(f"{obj.node.path}: {self.name} is computed by the provider and "  # type: ignore[attr-defined]
                                 "cannot be set")
        obj._set_attribute(self.name, value)


class BlockAttr(Generic[T]):
    """A nested block argument: reading gives what was configured, assigning validates and replaces it."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> BlockAttr[T]: ...
    @overload
    def __get__(self, obj: Resource, owner: type) -> T | None: ...
    def __get__(self, obj: Resource | None, owner: type) -> Any:
        if obj is None:
            return self
        return obj.configured(self.name)

    def __set__(self, obj: _Generated, value: T | None) -> None:
        obj._set_attribute(self.name, value)
