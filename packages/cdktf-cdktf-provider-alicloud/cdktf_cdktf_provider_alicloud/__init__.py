"""Prebuilt bindings of the aliyun/alicloud Terraform provider for CDK for Terraform (cdktf) and CDK Terrain (cdktn).

One module per resource and data source type, named as cdktf's prebuilt providers name them, plus
`provider`::

    from cdktf_cdktf_provider_alicloud.provider import AlicloudProvider
    from cdktf_cdktf_provider_alicloud.vswitch import Vswitch
    from cdktf_cdktf_provider_alicloud.data_alicloud_zones import DataAlicloudZones

Importing this package is cheap (no CDK runtime); importing a type's module loads that module and the
shared runtime only. `RESOURCE_CLASSES` / `DATA_SOURCE_CLASSES` map every Terraform type to its
(module, class); `class_for("alicloud_vpc")` imports the one module that holds it.
"""

from __future__ import annotations

import importlib
from typing import Any

from cdktf_cdktf_provider_alicloud._errors import AlicloudError, InputError, InputErrors, Problem

__all__ = ["AlicloudError", "DATA_SOURCE_CLASSES", "InputError", "InputErrors", "PROVIDER_VERSION", "Problem",
           "RESOURCE_CLASSES", "class_for"]


def class_for(tf_type: str, data: bool = False) -> Any:
    """The generated class of a Terraform type (`alicloud_vpc` → `Vpc`); KeyError if the provider has none."""
    from cdktf_cdktf_provider_alicloud import _index

    module, name = (_index.DATA_SOURCE_CLASSES if data else _index.RESOURCE_CLASSES)[tf_type]
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __getattr__(name: str) -> Any:
    if name in ("PROVIDER_VERSION", "RESOURCE_CLASSES", "DATA_SOURCE_CLASSES"):
        from cdktf_cdktf_provider_alicloud import _index

        return getattr(_index, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
