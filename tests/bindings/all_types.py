"""A stack with one instance of every generated resource and data source type, built from the schema alone.

Arguments come from `alicloud_ml.schema.samples.minimal_config` (required arguments with accepted
values), so the stack exercises every generated class.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.codegen.model import python_name
from alicloud_ml.provider import DATA_SOURCE_CLASSES, RESOURCE_CLASSES, AlicloudProvider, class_for
from alicloud_ml.schema.samples import minimal_config


def build(stack: Any, tf_type: str, data: bool = False) -> Any:
    """One instance of a type, named after it."""
    args = {python_name(k, top_level=True): v for k, v in minimal_config(tf_type, data).items()}
    name = ("data_" if data else "") + tf_type.removeprefix("alicloud_")
    return class_for(tf_type, data)(stack, name, **args)


def build_all_types(stack: Any, *, data_sources: bool = True) -> dict[str, Any]:
    AlicloudProvider(stack, "alicloud", region="cn-shanghai")
    made = {t: build(stack, t) for t in sorted(RESOURCE_CLASSES)}
    if data_sources:
        made.update({f"data.{t}": build(stack, t, data=True) for t in sorted(DATA_SOURCE_CLASSES)})
    return made
