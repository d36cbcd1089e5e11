"""ALIML_024: a Container Registry's internet endpoint is not open to the whole internet.

PASS: `alicloud_cr_internet_endpoint` whose `entries` are all narrower than /0;
`alicloud_cr_endpoint_acl_policy` on the internet endpoint with a narrower `entry`.
FAIL: an entry `0.0.0.0/0` or `::/0`; an `alicloud_cr_internet_endpoint` with no entries, because
"Removing all user-managed entries exposes the instance to the Internet" (provider
`website/docs/r/cr_internet_endpoint.html.markdown` at v1.289.0).
NOT APPLICABLE: ACL entries of other endpoint types (VPC).
No internet endpoint at all (ImageRegistry's default) is the best outcome and has nothing to check.
"""

from __future__ import annotations

from typing import Any

from alicloud_ml.policies.checkov_adapter import checkov_check
from alicloud_ml.policies.model import PolicyCheck, Result, Severity
from alicloud_ml.synthesized import Resource

WORLD = ("0.0.0.0/0", "::/0")

CHECK = PolicyCheck(
    id="ALIML_024",
    severity=Severity.MEDIUM,
    title="Ensure a container registry's internet endpoint is not open to 0.0.0.0/0",
    why="Anyone on the internet can then try credentials against the team's images, and a leaked temporary "
        "password pulls every model-serving image (and the weights baked into it) from anywhere; nodes, EAS and "
        "CI inside the VPC never need the internet endpoint.",
    fix="Leave ImageRegistryProps.public_cidrs empty (pull and push over the VPC endpoint), or list only your CI "
        "runners' or offices' CIDRs, or suppress with a reason.",
    resource_types=("alicloud_cr_internet_endpoint", "alicloud_cr_endpoint_acl_policy"),
)


def _scalar(value: Any) -> Any:
    """HCL parsing wraps attribute values in one-element lists; JSON does not."""
    return value[0] if isinstance(value, list) and len(value) == 1 and not isinstance(value[0], dict) else value


def evaluate(resource: Resource) -> Result:
    attrs = resource.attrs
    if resource.type == "alicloud_cr_endpoint_acl_policy":
        if str(_scalar(attrs.get("endpoint_type", ""))).lower() != "internet":
            return Result.not_applicable()
        entry = str(_scalar(attrs.get("entry", ""))).strip()
        if entry in WORLD:
            return Result.failed(f"internet endpoint ACL entry {entry} admits the whole internet", field="entry")
        return Result.passed()
    entries = [e for e in attrs.get("entries") or [] if isinstance(e, dict)]
    if not entries:
        return Result.failed("internet endpoint enabled with no ACL entries: the registry is open to the internet",
                             field="entries")
    for i, item in enumerate(entries):
        entry = str(_scalar(item.get("entry", ""))).strip()
        if entry in WORLD:
            return Result.failed(f"internet endpoint entry {entry} admits the whole internet",
                                 field=f"entries[{i}].entry")
    return Result.passed()


check = checkov_check(CHECK, evaluate)
