"""Shared pieces of every construct's props: the frozen base model and error reporting.

Props are frozen pydantic models (`extra="forbid"`, so a typo is an error, not a silent no-op).
Constructors accept a props model or a plain mapping; a mapping is validated here so the error
names the construct path as well as the field. Problems are collected and raised together.
"""

from __future__ import annotations

import difflib
import ipaddress
import typing
from collections.abc import Iterable, Mapping
from types import UnionType
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from alicloud_ml.catalog.lookup import unknown_instance_type, unknown_region
from alicloud_ml.errors import Problem, raise_problems

M = TypeVar("M", bound=BaseModel)


class FrozenModel(BaseModel):
    """Base of every props model: immutable, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


def dotted(loc: Iterable[Any]) -> str:
    """pydantic `loc` → `node_pools.training.taints[0].effect`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out

class ProblemError(ValueError):
    """Problems raised by a validator as data; pydantic keeps the exception in the error's `ctx`, so
    `problems_from` reads them back as they were made (the text is only for other readers)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(p.render() for p in problems))
        self.problems = problems


#: pydantic error types of container fields, in the words of a TOML file (and of Python callers alike).
CONTAINER_WORDS = {"tuple_type": "an array, e.g. [\"a\", \"b\"]", "list_type": "an array, e.g. [\"a\", \"b\"]",
                   "set_type": "an array, e.g. [\"a\", \"b\"]", "dict_type": "a table, e.g. { key = \"value\" }"}

#: Where a construct's props are documented, for errors raised from Python (TOML errors point at `alicloud-ml schema`).
PROPS_DOCS = "see the construct's props in docs/construct-defaults.md"


def problems_from(exc: ValidationError, prefix: Iterable[Any] = (), model: type[BaseModel] | None = None
                  ) -> list[Problem]:
    """Turn a pydantic ValidationError into Problems with dotted field paths and accepted values; an unknown
    field of `model` (construct props) gets the closest known one."""
    out: list[Problem] = []
    errors = exc.errors(include_url=False)
    # an item refused inside a sequence also makes it "too short after validation": the item's error says it
    refused_items = {tuple(e["loc"][:-1]) for e in errors if e["loc"] and isinstance(e["loc"][-1], int)}
    for err in errors:
        if err["type"] == "too_short" and tuple(err["loc"]) in refused_items:
            continue
        loc = [*prefix, *(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))]
        field = dotted(loc)
        kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
        if isinstance(raised := ctx.get("error"), ProblemError):
            out.extend(p._replace(field=".".join(f for f in (field, p.field) if f)) for p in raised.problems)
        elif kind in ("enum", "literal_error"):
            expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
            out.append(Problem(field, f"invalid value {value!r}", expected))
        elif kind == "extra_forbidden" and model is not None:
            out.append(unknown_field(model, field, list(err["loc"]), PROPS_DOCS)[0])
        elif kind == "extra_forbidden":
            out.append(Problem(field, "unknown field", hint="check the spelling; see `alicloud-ml schema`"))
        elif kind == "string_pattern_mismatch":
            out.append(Problem(field, f"invalid value {value!r}", f"text matching {ctx.get('pattern')}"))
        elif kind == "missing":
            out.append(Problem(field, "required field is missing"))
        elif kind in CONTAINER_WORDS:  # TOML's words for what pydantic calls a tuple, list or dict
            out.append(Problem(field, f"invalid value {value!r}: expected {CONTAINER_WORDS[kind]}"))
        else:
            message = err["msg"].removeprefix("Value error, ")
            if message.startswith("Input should be"):
                message = f"invalid value {value!r}: {message[0].lower()}{message[1:]}"
            out.append(Problem(field, message))
    return out


def unknown_field(root: type[BaseModel], field: str, loc: list[Any], docs: str) -> tuple[Problem, str | None]:
    """`field: unknown field - did you mean ...?` (and the guess), else the known fields and where they are
    documented. `loc` is the field's pydantic location inside `root`."""
    known = known_fields(root, loc[:-1])
    guess = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6) if known else []
    if guess:
        return Problem(field, "unknown field", hint=f"did you mean `{guess[0]}`?"), guess[0]
    return Problem(field, "unknown field", ", ".join(known) or None, docs), None


def known_fields(root: type[BaseModel], loc: list[Any]) -> list[str]:
    """Field names of the model at `loc` inside `root` (empty when it is not a model)."""
    tp: Any = root
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(str(part))
            if field is None:
                return []
            tp = field.annotation
        elif typing.get_origin(tp) in (dict, list, tuple):
            args = typing.get_args(tp)
            tp = args[-1] if typing.get_origin(tp) is dict else args[0]
        else:
            return []
    tp = _unwrap(tp)
    return sorted(tp.model_fields) if isinstance(tp, type) and issubclass(tp, BaseModel) else []


def _unwrap(tp: Any) -> Any:
    """`X | None` → X (the first argument that is a model or a container)."""
    if typing.get_origin(tp) in (typing.Union, UnionType):
        for arg in typing.get_args(tp):
            if arg is not type(None):
                return arg
    return tp


def join_errors(errors: list[ValueError]) -> None:
    """Raise every collected validator problem at once, or nothing."""
    if errors:
        raise ProblemError([p for e in errors
                            for p in (e.problems if isinstance(e, ProblemError) else [Problem("", str(e))])])


def resolve_props(model: type[M], props: M | Mapping[str, Any] | None, where: str) -> M:
    """Validate `props` (a model or a mapping) as `model`, reporting problems under `where`."""
    if isinstance(props, model):
        return props
    try:
        return model.model_validate(dict(props or {}))
    except ValidationError as exc:
        raise_problems(where, problems_from(exc, model=model))
        raise  # unreachable: raise_problems always raises for a non-empty error


def fail(field: str, problem: str, accepted: str | None = None, hint: str | None = None) -> ProblemError:
    """One problem, to raise from a validator (or collect for `join_errors`)."""
    return ProblemError([Problem(field, problem, accepted, hint)])


# ---------------------------------------------------------------- shared value checks


def parse_network(value: str, field: str) -> ipaddress.IPv4Network:
    try:
        return ipaddress.IPv4Network(value, strict=True)
    except ValueError:
        raise fail(field, f"invalid CIDR {value!r}", "an IPv4 network such as 10.0.1.0/24 (host bits zero)") from None

WORLD = ("0.0.0.0/0", "::/0")


def _known_region(region: str) -> str:
    if (unknown := unknown_region(region)) is not None:
        raise fail("", *unknown)
    return region


def _catalogued(gpu: bool | None) -> AfterValidator:
    def check(name: str) -> str:
        if (unknown := unknown_instance_type(name, gpu)) is not None:
            raise fail("", *unknown)
        return name

    return AfterValidator(check)


#: A region id the provider accepts (`catalog.regions.REGIONS`); a typo gets the closest one.
RegionId = Annotated[str, AfterValidator(_known_region)]
#: A catalogued instance type (`alicloud-ml catalog`); a typo gets the closest one of the kind asked for.
InstanceTypeName = Annotated[str, _catalogued(None)]
GpuInstanceType = Annotated[str, _catalogued(True)]
CpuInstanceType = Annotated[str, _catalogued(False)]
