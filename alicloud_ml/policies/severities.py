"""The pack's severity table: every check the gate runs, built-in or own, has one here.

Checkov has no severities offline (with `--skip-download` every `CKV_ALI_*` finding has
`severity: None`, and `--hard-fail-on HIGH` then passes), so the project owns them. A test keeps
this table in step with checkov's registry and with each project check's declared severity.
An id missing from the table is treated as HIGH (fail closed) and reported as such.
"""

from __future__ import annotations

from alicloud_ml.policies.model import Severity

L, M, H, C = Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL

#: checkov 3.3.30's Alibaba Cloud checks (ids 34, 39, 40 unused upstream).
BUILTIN: dict[str, Severity] = {
    "CKV_ALI_1": C,   # OSS bucket accessible to public (graph check)
    "CKV_ALI_2": H,   # security group ingress 0.0.0.0/0 to port 22
    "CKV_ALI_3": H,   # security group ingress 0.0.0.0/0 to port 3389
    "CKV_ALI_4": M,   # ActionTrail logs all regions
    "CKV_ALI_5": M,   # ActionTrail logs all events
    "CKV_ALI_6": M,   # OSS bucket encrypted with a CMK
    "CKV_ALI_7": M,   # disk encrypted
    "CKV_ALI_8": L,   # disk encrypted with a CMK
    "CKV_ALI_9": H,   # database instance not public
    "CKV_ALI_10": M,  # OSS bucket versioning
    "CKV_ALI_11": L,  # OSS transfer acceleration
    "CKV_ALI_12": L,  # OSS access logging
    "CKV_ALI_13": M,  # RAM password length >= 14
    "CKV_ALI_14": L,  # RAM password needs a number
    "CKV_ALI_15": L,  # RAM password needs a symbol
    "CKV_ALI_16": L,  # RAM password expires within 90 days
    "CKV_ALI_17": L,  # RAM password needs a lowercase letter
    "CKV_ALI_18": L,  # RAM password reuse prevention
    "CKV_ALI_19": L,  # RAM password needs an uppercase letter
    "CKV_ALI_20": M,  # RDS uses SSL
    "CKV_ALI_21": H,  # API Gateway uses HTTPS
    "CKV_ALI_22": M,  # RDS transparent data encryption
    "CKV_ALI_23": M,  # RAM max login attempts <= 5
    "CKV_ALI_24": H,  # RAM enforces MFA
    "CKV_ALI_25": L,  # RDS SQL collector retention > 180
    "CKV_ALI_26": M,  # ACK dedicated cluster with Terway/Flannel network policies
    "CKV_ALI_27": M,  # KMS key rotation
    "CKV_ALI_28": L,  # KMS key enabled
    "CKV_ALI_29": H,  # ALB ACL restricts access
    "CKV_ALI_30": L,  # RDS minor-version auto upgrade
    "CKV_ALI_31": M,  # node pool auto repair
    "CKV_ALI_32": M,  # launch template data disks encrypted
    "CKV_ALI_33": M,  # SLB TLS cipher policy secure
    "CKV_ALI_35": L,  # RDS log_duration
    "CKV_ALI_36": L,  # RDS log_disconnections
    "CKV_ALI_37": L,  # RDS log_connections
    "CKV_ALI_38": L,  # log audit for RDS
    "CKV_ALI_41": H,  # MongoDB inside a VPC
    "CKV_ALI_42": M,  # MongoDB SSL
    "CKV_ALI_43": H,  # MongoDB not public
    "CKV_ALI_44": M,  # MongoDB TDE
}

#: the project's own checks (alicloud_ml/policies/checks/); must match each module's CHECK.severity.
PROJECT: dict[str, Severity] = {
    "ALIML_001": H,   # GPU node pool tainted NoSchedule
    "ALIML_002": M,   # GPU node pool system disk ESSD/auto >= 100 GiB
    "ALIML_003": C,   # no world-open ingress, any protocol
    "ALIML_004": H,   # training security group ingress only from VPC CIDR or itself
    "ALIML_005": H,   # spot node pool has a complete price strategy
    "ALIML_006": M,   # spot training stack has a CPFS checkpoint target
    "ALIML_007": H,   # CPFS in the cluster's VPC
    "ALIML_008": H,   # NAS protocol service in the file system's VPC
    "ALIML_009": H,   # EAS service bounded queue, keepalive, autoscaler max
    "ALIML_010": L,   # non-prod EAS/GPU pools scale to zero (warning)
    "ALIML_011": M,   # ECS disk deleted with its instance
    "ALIML_012": H,   # resources in the provider's region and its zones
    "ALIML_013": C,   # no access keys in the synthesized JSON
    "ALIML_014": H,   # RAM policy without "*" actions on "*" resources
    "ALIML_015": H,   # state backend OSS, encrypted, locked, bucket hardened
    "ALIML_016": H,   # ACK API endpoint not public
    "ALIML_017": M,   # node pool updates existing nodes when taints/labels set
    "ALIML_018": H,   # every cluster has an untainted fixed-size pool of >= 2 nodes
    "ALIML_019": H,   # production cluster/CPFS/state bucket protected from deletion
    "ALIML_020": H,   # AnalyticDB vector store: no public connection, no 0.0.0.0/0 whitelist
    "ALIML_021": H,   # vector store and its functions inside the platform's VPC
    "ALIML_022": C,   # no literal password or API key in the synthesized JSON
    "ALIML_023": M,   # documents bucket of an OSS-triggered function encrypted and versioned
    "ALIML_024": M,   # container registry internet endpoint not open to 0.0.0.0/0
}

SEVERITIES: dict[str, Severity] = {**BUILTIN, **PROJECT}
FALLBACK = Severity.HIGH


def severity_of(check_id: str) -> Severity:
    """The pack's severity for a check id; unknown ids fail closed as HIGH."""
    return SEVERITIES.get(check_id, FALLBACK)
