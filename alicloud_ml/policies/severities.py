"""The pack's severities: a table for checkov's built-in checks; the project's checks declare their own.

Checkov has no severities offline (with `--skip-download` every `CKV_ALI_*` finding has
`severity: None`, and `--hard-fail-on HIGH` then passes), so the project owns them. A test keeps
this table in step with checkov's registry.
An id missing from the table is treated as HIGH (fail closed) and reported as such.
"""

from __future__ import annotations

from functools import cache

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

#: The project's own checks declare their severity once, in their module's CHECK (alicloud_ml/policies/checks/).
@cache  # the gate asks for every finding
def project_severities() -> dict[str, Severity]:
    """Id → severity of every project check, read from the check modules' source.

    Importing a check module imports checkov (~1.5 s), and `suppress()` asks for the known ids while
    constructs are built, on the thread that builds them: reading `CHECK = PolicyCheck(id="…",
    severity=Severity.X, …)` from the source keeps checkov's import on the gate's prewarm thread (and out
    of a warm gate, which needs no checkov at all). A module written otherwise is imported instead.
    """
    found = _declared_severities()
    if found is not None:
        return found
    from alicloud_ml.policies.registry import project_checks  # imports every check module

    return {check.meta.id: check.meta.severity for check in project_checks()}


def _declared_severities() -> dict[str, Severity] | None:
    import ast

    from alicloud_ml.policies.registry import CHECKS_DIR

    out: dict[str, Severity] = {}
    for path in sorted(CHECKS_DIR.glob("*.py")):
        if path.name.startswith("_"):
            continue
        declared = None
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["CHECK"]
                    and isinstance(node.value, ast.Call)):
                words = {k.arg: k.value for k in node.value.keywords}
                check_id, level = words.get("id"), words.get("severity")
                if (isinstance(check_id, ast.Constant) and isinstance(check_id.value, str)
                        and isinstance(level, ast.Attribute) and getattr(level.value, "id", None) == "Severity"):
                    declared = (check_id.value, Severity[level.attr])
        if declared is None:
            return None
        out[declared[0]] = declared[1]
    return out


FALLBACK = Severity.HIGH


def severities() -> dict[str, Severity]:
    """Every check the gate runs, built-in or own, with its severity."""
    return {**BUILTIN, **project_severities()}


def severity_of(check_id: str) -> Severity:
    """The pack's severity for a check id; unknown ids fail closed as HIGH."""
    return BUILTIN.get(check_id) or project_severities().get(check_id, FALLBACK)
