"""alicloud-ml-cdk: CDK for Terraform constructs, a policy gate, plan review, cost estimates and
an offline provider emulator for machine-learning platforms on Alibaba Cloud.

Importing the package is cheap; the CDK runtime (jsii + node) starts when constructs or
bindings are imported.
"""

import os as _os

# The toolkit runs jsii on the project's own Node 22 when it has one (node_modules/.bin/node, see
# node_runtime.py). On a machine's Node 20 (end of life) jsii would print a large banner on every
# run: silence it there. Set before any jsii module (constructs, cdktf) starts its runtime.
_os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
_os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")

__version__ = "0.1.0"
