"""cdktf's other generated names, made on first use: `<Type>Config`, `<Struct>List`, `<Struct>OutputReference`,
`<Struct>Map`. Each type module serves them through its `__getattr__`, so they cost nothing until asked for.
"""

from __future__ import annotations

from typing import Any, ClassVar

from cdktf_cdktf_provider_alicloud._errors import raise_problems
from cdktf_cdktf_provider_alicloud._l1 import META, Block, Provider, _Generated
from cdktf_cdktf_provider_alicloud._outputs import OutputList, OutputMap, OutputReference
from cdktf_cdktf_provider_alicloud._spec import given, merge_aliases, validate


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


_SUFFIXES = (("OutputReference", OutputReference), ("List", OutputList), ("Map", OutputMap))


def lazy_name(module: dict[str, Any], name: str) -> Any:
    """The class `name` stands for in a type module, or None."""
    if name.endswith("Config"):
        owner = module.get(name[: -len("Config")])
        if isinstance(owner, type) and issubclass(owner, (_Generated, Provider)):
            return type(name, (Config,), {"_RESOURCE": owner, "__module__": module["__name__"]})
    for suffix, base in _SUFFIXES:
        struct = module.get(name[: -len(suffix)]) if name.endswith(suffix) else None
        if isinstance(struct, type) and issubclass(struct, Block):
            return type(name, (base,), {"_AL_SHAPE": struct, "__module__": module["__name__"]})
    return None
