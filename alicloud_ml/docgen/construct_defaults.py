"""`docs/construct-defaults.md`: each construct's props with type and default, from its Props model."""

from __future__ import annotations

import re

import inspect

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from alicloud_ml.docgen.markdown import table

INTRO = """# Construct props and their defaults

Every props model of `alicloud_ml.constructs` (the guide: [constructs](constructs.md)), field by
field. A prop without a default is required. The description says where a default comes from.

"""


def _props_models() -> list[type[BaseModel]]:
    """Every `*Props` model defined in a module of alicloud_ml/props/, by name."""
    import importlib
    import pkgutil

    import alicloud_ml.props as props

    found = {}
    for info in pkgutil.iter_modules(props.__path__):
        module = importlib.import_module(f"{props.__name__}.{info.name}")
        for name, value in vars(module).items():
            if (inspect.isclass(value) and issubclass(value, BaseModel) and name.endswith("Props")
                    and value.__module__ == module.__name__):
                found[name] = value
    return [found[n] for n in sorted(found)]


def _type(annotation: object) -> str:
    if isinstance(annotation, type):
        return annotation.__name__
    text = str(annotation).replace("typing.", "").replace("alicloud_ml.props.", "")
    text = re.sub(r"Annotated\[([^,\[\]]+), [^\[\]]*\]", r"\1", text)  # validators (RegionId, ...) are not the type
    return re.sub(r"^Optional\[(.*)\]$", r"\1 | None", text)


def _default(field: object) -> str:
    default = getattr(field, "default", PydanticUndefined)
    if default is PydanticUndefined:
        return "required" if getattr(field, "default_factory", None) is None else "(empty)"
    if default is None:
        return "none"
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    if isinstance(default, tuple):
        return ", ".join(f"`{getattr(v, 'value', v)}`" for v in default) or "(empty)"
    return f"`{getattr(default, 'value', default)!s}`"


def render() -> str:
    out = [INTRO]
    for model in _props_models():
        rows = [(f"`{name}`", _type(field.annotation), _default(field), field.description or "")
                for name, field in model.model_fields.items()]
        out.append(f"## `{model.__name__}`\n\n{(model.__doc__ or '').strip()}\n\n")
        out.append(table(("prop", "type", "default", "meaning"), rows) + "\n")
    return "".join(out).rstrip("\n") + "\n"
