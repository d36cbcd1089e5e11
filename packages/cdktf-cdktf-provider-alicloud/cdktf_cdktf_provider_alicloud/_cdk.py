"""The CDK library the bindings run on: cdktf, or CDK Terrain (cdktn), its maintained fork.

Both have the same Python API and write the same JSON, but they are separate jsii assemblies and must
never be mixed in one process. The bindings follow the app: whichever library is already imported
wins; before either is, `ALICLOUD_ML_CDK=cdktn|cdktf` decides (the toolkit's switch), else cdktf, or
cdktn when cdktf is not installed.
"""

from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType


def _choose() -> ModuleType:
    for name in ("cdktn", "cdktf"):
        if name in sys.modules:
            return sys.modules[name]
    wanted = os.environ.get("ALICLOUD_ML_CDK", "").strip().lower()
    if wanted and wanted not in ("cdktf", "cdktn"):
        raise ImportError(f"ALICLOUD_ML_CDK={wanted!r}: accepted values are 'cdktf' and 'cdktn'")
    for name in ([wanted] if wanted else ["cdktf", "cdktn"]):
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError:
            continue
    raise ImportError("cdktf_cdktf_provider_alicloud needs cdktf (pip install cdktf) or cdktn (pip install cdktn)")


cdk = _choose()
LIBRARY = cdk.__name__

TerraformResource = cdk.TerraformResource
TerraformDataSource = cdk.TerraformDataSource
TerraformProvider = cdk.TerraformProvider
IResolvable = cdk.IResolvable
ComplexList = cdk.ComplexList
ComplexObject = cdk.ComplexObject
ComplexMap = cdk.ComplexMap
Token = cdk.Token

__all__ = ["LIBRARY", "cdk", "ComplexList", "ComplexMap", "ComplexObject", "IResolvable", "TerraformDataSource",
           "TerraformProvider", "TerraformResource", "Token"]
