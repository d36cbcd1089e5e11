"""cdktf's other generated names, made on first use: `<Type>Config`, `<Struct>List`, `<Struct>OutputReference`,
`<Struct>Map`. Each type module serves them through its `__getattr__`, so they cost nothing until asked for.
"""

from __future__ import annotations

from typing import Any, ClassVar

from cdktf_cdktf_provider_alicloud._errors import raise_problems
from cdktf_cdktf_provider_alicloud._l1 import META, Block, Provider, _Generated, block_kind
from cdktf_cdktf_provider_alicloud._outputs import OutputList, OutputMap, OutputReference, aliases_of, fields_of
from cdktf_cdktf_provider_alicloud._spec import S, given, merge_aliases, validate


class Config:
    """cdktf's `<Type>Config` struct: the constructor's keywords (meta-arguments included) as one value,
    checked like the constructor checks them (every problem at once, did-you-mean)."""

    _RESOURCE: ClassVar[type[_Generated]]

    def __init__(self, **kwargs: Any) -> None:
        resource = self._RESOURCE
        self._meta = {k: kwargs.pop(k) for k in META if kwargs.get(k) is not None}
        values: dict[str, Any] = {}
        unknown = {k: v for k, v in kwargs.items() if v is not None}
        problems = merge_aliases(resource._SPEC, resource._ALIASES, values, unknown, {}, "")
        problems += validate(resource._SPEC, values, unknown, "", resource._GROUPS)
        raise_problems(type(self).__name__, problems)
        self._values = given(values)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in META:
            return self._meta.get(name)
        return Block.__getattr__(self, name)  # type: ignore[arg-type]  # same lookup: by Python spelling

    @property
    def _SPEC(self) -> Any:  # noqa: N802 - read by Block.__getattr__
        return self._RESOURCE._SPEC

    @property
    def _ALIASES(self) -> Any:  # noqa: N802
        return self._RESOURCE._ALIASES

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and (other._values, other._meta) == (self._values, self._meta)  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in {**self._values, **self._meta}.items())
        return f"{type(self).__name__}({args})"


class ObjectStruct(Block):
    """cdktf's struct of an object attribute (`DataAlicloudZonesZones`): its fields, as a dict-like value."""

    __slots__ = ()

    def __init__(self, **fields: Any) -> None:
        self._init({k: v for k, v in fields.items() if k in self._SPEC},
                   {k: v for k, v in fields.items() if k not in self._SPEC})


_SUFFIXES = (("OutputReference", OutputReference), ("List", OutputList), ("Map", OutputMap))


def _type_class(module: dict[str, Any]) -> Any:
    return next(v for v in module.values() if isinstance(v, type) and issubclass(v, (_Generated, Provider))
                and v.__module__ == module["__name__"])


def _object_shape(module: dict[str, Any], path: str) -> Any:
    """The shape of the object attribute at `path` ("attr" or "block.attr.field") of the module's type."""
    first, *rest = path.split(".")
    owner = _type_class(module)
    kind = next(d.kind if hasattr(d, "kind") else block_kind(owner._SPEC[first]) for d in vars(owner).values()
                if getattr(d, "name", None) == first)
    for segment in rest:
        kind = fields_of(kind[1])[segment]
    return kind[1]


def lazy_name(module: dict[str, Any], name: str) -> Any:
    """The class `name` stands for in a type module, or None."""
    if name in module.get("_OBJECT_STRUCTS", {}):
        shape = _object_shape(module, module["_OBJECT_STRUCTS"][name])
        fields = fields_of(shape)
        return type(name, (ObjectStruct,), {"__slots__": (), "_FIELDS": fields, "_ALIASES": aliases_of(shape),
                                            "_SPEC": {f: S("any") for f in fields}, "__module__": module["__name__"]})
    if name == module.get("_CONFIG_NAME") or name.endswith("Config"):
        owner = _type_class(module) if name == module.get("_CONFIG_NAME") else module.get(name[: -len("Config")])
        if isinstance(owner, type) and issubclass(owner, (_Generated, Provider)):
            return type(name, (Config,), {"_RESOURCE": owner, "__module__": module["__name__"]})
    for suffix, base in _SUFFIXES:
        if not name.endswith(suffix):
            continue
        struct = module.get(name[: -len(suffix)]) or lazy_name(module, name[: -len(suffix)])
        if isinstance(struct, type) and issubclass(struct, Block):
            return type(name, (base,), {"_AL_SHAPE": struct, "__module__": module["__name__"]})
    return None
