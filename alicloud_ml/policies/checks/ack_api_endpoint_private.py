"""ALIML_016: the ACK API server endpoint is not exposed to the internet.

PASS: `slb_internet_enabled = false` set explicitly.  FAIL: true or unset (the provider default is
true). A platform that needs a public endpoint suppresses this check with a reason.
"""

from __future__ import annotations

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.policies.values import as_bool

CHECK = PolicyCheck(
    id="ALIML_016",
    severity=Severity.HIGH,
    title="Ensure the ACK API server endpoint is not public",
    why="slb_internet_enabled defaults to true: the Kubernetes API of a GPU cluster is then reachable from the "
        "internet, one leaked kubeconfig away from cryptomining on the GPUs.",
    fix="Set AckClusterProps.public_api_endpoint = False (slb_internet_enabled false); reach the API through the VPC, "
        "a bastion or a VPN, or suppress with a reason.",
    resource_types=("alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes", "alicloud_cs_serverless_kubernetes"),
)


def evaluate(resource: Resource) -> Result:
    value = as_bool(resource.attrs.get("slb_internet_enabled"))
    if value is False:
        return Result.passed()
    shown = "unset (provider default true)" if value is None else "true"
    return Result.failed(f"ACK API endpoint is public: slb_internet_enabled is {shown}", field="slb_internet_enabled")


check = checkov_check(CHECK, evaluate)
