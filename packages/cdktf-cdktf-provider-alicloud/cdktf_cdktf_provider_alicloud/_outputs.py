"""Output references: what reading a block or an object attribute returns, as cdktf's generated classes do.

`pool.taints` is a list of references (`pool.taints.get(0).key` is the token
`${alicloud_cs_kubernetes_node_pool.pool.taints[0].key}`), `vsw.timeouts` and `pool.scaling_config`
(blocks of at most one) are references whose fields are tokens, `zones.zones.get(0).id` reads a
computed list of objects. They are cdktf's own `ComplexList` / `ComplexObject`, so they resolve
(`TerraformOutput(value=pool.taints)`) and interpolate exactly as cdktf's do; the field names and
kinds come from the generated `_FIELDS` (a block class) or shape (an object attribute).

A shape maps Terraform field names to a kind: "str", "num", "bool", "list:str", "map:num", "any", ...,
or (collection, inner) with collection one of list, set, map, object, single, list1 (a list of at most
one), listlist (read as a plain interpolation) and inner a shape or a block class.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdktf_cdktf_provider_alicloud._cdk import ComplexList, ComplexMap, ComplexObject

GETTERS = {
    "str": "get_string_attribute",
    "int": "get_number_attribute",
    "num": "get_number_attribute",
    "float": "get_number_attribute",
    "bool": "get_boolean_attribute",
    "list:str": "get_list_attribute",
    "set:str": "get_list_attribute",
    "list:num": "get_number_list_attribute",
    "set:num": "get_number_list_attribute",
    "map:str": "get_string_map_attribute",
    "map:bool": "get_boolean_map_attribute",
    "map:num": "get_number_map_attribute",
}


def fields_of(inner: Any) -> Mapping[str, Any]:
    """The shape of a nested value: a dict as given, or a block class's `_FIELDS`."""
    return inner if isinstance(inner, Mapping) else inner._FIELDS


def aliases_of(inner: Any) -> Mapping[str, str]:
    return {} if isinstance(inner, Mapping) else inner._ALIASES


def reference(parent: Any, attribute: str, kind: Any) -> Any:
    """What cdktf returns for reading `attribute` of kind `kind` on `parent` (a resource or a reference)."""
    if isinstance(kind, tuple):
        collection, inner = kind
        if collection in ("list", "set"):
            return OutputList(parent, attribute, collection == "set", inner)
        if collection == "map":
            return OutputMap(parent, attribute, inner)
        if collection in ("object", "single", "list1"):
            return OutputReference(parent, attribute, 0 if collection == "list1" else None, False, inner)
        return parent.interpolation_for_attribute(attribute)  # a list of lists of objects
    getter = GETTERS.get(kind)
    if getter is None:  # any other shape (a list of lists, a bool list): the plain interpolation
        return parent.interpolation_for_attribute(attribute)
    return getattr(parent, getter)(attribute)


def _configured(parent: Any, attribute: str) -> Any:
    """The value the user configured for `attribute` of `parent`, when there is one."""
    if hasattr(parent, "configured"):
        return parent.configured(attribute)
    if isinstance(parent, OutputReference):
        value = parent.internal_value
        if value is None:
            return None
        return value.get(attribute) if isinstance(value, Mapping) else getattr(value, attribute, None)
    return None


class OutputList(ComplexList):
    """cdktf's `<Struct>List`: `get(i)` gives the reference to item i."""

    _AL_SHAPE: Any = None

    def __init__(self, terraform_resource: Any, terraform_attribute: str, wraps_set: bool, shape: Any = None) -> None:
        super().__init__(terraform_resource, terraform_attribute, wraps_set)
        self._al_parent, self._al_attribute, self._al_set = terraform_resource, terraform_attribute, wraps_set
        self._al_shape = shape if shape is not None else self._AL_SHAPE

    def get(self, index: int) -> OutputReference:
        return OutputReference(self._al_parent, self._al_attribute, index, self._al_set, self._al_shape)

    @property
    def internal_value(self) -> Any:
        """The blocks configured for this attribute (None when it was not set)."""
        return _configured(self._al_parent, self._al_attribute)


class OutputMap(ComplexMap):
    """cdktf's `<Struct>Map`: `get(key)` gives the reference to one entry."""

    def __init__(self, terraform_resource: Any, terraform_attribute: str, shape: Any = None) -> None:
        super().__init__(terraform_resource, terraform_attribute)
        self._al_parent, self._al_attribute, self._al_shape = terraform_resource, terraform_attribute, shape

    def get(self, key: str) -> OutputReference:
        return OutputReference(self._al_parent, self._al_attribute, key, False, self._al_shape)


class OutputReference(ComplexObject):
    """cdktf's `<Struct>OutputReference`: every field of the struct is a token (`ref.max_size`)."""

    _AL_SHAPE: Any = None

    def __init__(self, terraform_resource: Any, terraform_attribute: str, complex_object_index: Any = None,
                 complex_object_is_from_set: bool = False, shape: Any = None) -> None:
        super().__init__(terraform_resource, terraform_attribute, complex_object_is_from_set, complex_object_index)
        self._al_parent, self._al_attribute, self._al_index = terraform_resource, terraform_attribute, complex_object_index
        self._al_shape = shape if shape is not None else self._AL_SHAPE

    @property
    def internal_value(self) -> Any:
        """The configured struct this reference points at (a block object or dict; None when not configured)."""
        value, index = _configured(self._al_parent, self._al_attribute), self._al_index
        if value is None or index is None:
            return value
        if isinstance(index, str):  # an entry of a map
            return value.get(index) if isinstance(value, Mapping) else None
        if isinstance(value, (list, tuple)):
            return value[index] if index < len(value) else None
        return value if index == 0 else None  # one block given without a list

    def _al_field(self, name: str) -> str | None:
        fields = fields_of(self._al_shape)
        for candidate in (aliases_of(self._al_shape).get(name), name, name[:-1] if name.endswith("_") else None):
            if candidate is not None and candidate in fields:
                return candidate
        return None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or self.__dict__.get("_al_shape") is None:
            raise AttributeError(name)
        field = self._al_field(name)
        if field is not None:
            return reference(self, field, fields_of(self._al_shape)[field])
        if name.endswith("_input") and (field := self._al_field(name[: -len("_input")])) is not None:
            value = self.internal_value
            if value is None:
                return None
            return value.get(field) if isinstance(value, Mapping) else value._values.get(field)
        raise AttributeError(f"{type(self).__name__!r} has no field {name!r}")
