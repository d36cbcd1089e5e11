"""The one module that imports the CDK library: `cdktf` by default, `cdktn` when ALICLOUD_ML_CDK=cdktn.

cdktf is archived (December 2025); cdktn is its maintained fork with the same Python API and the
same synthesized JSON. Everything else in the toolkit imports CDK names from here, so switching
is one environment variable. Never mix the two in one process: they are separate jsii assemblies.
"""

from __future__ import annotations

import os

from alicloud_ml.node_runtime import decode_jsii_stderr, use_project_node

use_project_node()  # the project's pinned Node 22 (node_modules/.bin/node) runs jsii when there is one
decode_jsii_stderr()

LIBRARY = os.environ.get("ALICLOUD_ML_CDK", "cdktf").strip().lower() or "cdktf"

if LIBRARY == "cdktn":
    import cdktn as cdk  # type: ignore[import-not-found]
elif LIBRARY == "cdktf":
    import cdktf as cdk  # type: ignore[no-redef]
else:  # pragma: no cover - guarded by the message
    raise ImportError(f"ALICLOUD_ML_CDK={LIBRARY!r}: accepted values are 'cdktf' (default) and 'cdktn'")

App = cdk.App
TerraformStack = cdk.TerraformStack
TerraformResource = cdk.TerraformResource
TerraformDataSource = cdk.TerraformDataSource
TerraformProvider = cdk.TerraformProvider
TerraformOutput = cdk.TerraformOutput
TerraformVariable = cdk.TerraformVariable
TerraformElement = cdk.TerraformElement
Aspects = cdk.Aspects
IAspect = cdk.IAspect
Annotations = cdk.Annotations
Token = cdk.Token
Fn = cdk.Fn
Testing = cdk.Testing
OssBackend = cdk.OssBackend
LocalBackend = cdk.LocalBackend
IResolvable = cdk.IResolvable

__all__ = [
    "LIBRARY", "cdk", "App", "TerraformStack", "TerraformResource", "TerraformDataSource", "TerraformProvider", "TerraformOutput", "TerraformVariable",
    "TerraformElement", "Aspects", "IAspect", "Annotations", "Token", "Fn", "Testing", "OssBackend", "LocalBackend", "IResolvable",
]
