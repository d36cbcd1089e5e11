"""Synthesize a stack and print its cdk.tf.json; run once per CDK library by the parity test.

The stack holds hand-wired resources (references, nested blocks) plus a sample of 50 resource types
drawn across every service and 10 data sources, each with minimal arguments from the schema.
"""

import json
import sys
import tempfile

from alicloud_ml._cdk import LIBRARY, App, TerraformStack
from alicloud_ml.provider import AlicloudProvider
from alicloud_ml.provider.ack import CsKubernetesNodePool, CsKubernetesNodePoolTaints
from alicloud_ml.provider.vpc import Vpc, Vswitch
from tests.bindings.all_types import build
from tests.bindings.sample_types import data_source_sample, resource_sample

outdir = tempfile.mkdtemp()
app = App(outdir=outdir)
stack = TerraformStack(app, "ml")
AlicloudProvider(stack, "alicloud", region="cn-shanghai")
vpc = Vpc(stack, "vpc", cidr_block="10.0.0.0/16", vpc_name="ml")
vsw = Vswitch(stack, "vsw", vpc_id=vpc.id, cidr_block="10.0.1.0/24", zone_id="cn-shanghai-b")
CsKubernetesNodePool(stack, "pool", cluster_id="c1", node_pool_name="gpu", vswitch_ids=[vsw.id],
                     taints=[CsKubernetesNodePoolTaints(key="nvidia.com/gpu", effect="NoSchedule")])
for tf_type in resource_sample():
    build(stack, tf_type)
for tf_type in data_source_sample():
    build(stack, tf_type, data=True)
app.synth()
print(json.dumps({"library": LIBRARY, "stack": json.load(open(f"{outdir}/stacks/ml/cdk.tf.json"))}))
sys.exit(0)
