"""Names the toolkit derives: which environments are production, the suffix of globally unique names,
and which names two environments of one account must not share.

Why a suffix: OSS bucket names are "globally unique in OSS"
(https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions), SLS project names
are globally unique per the provider docs (website/docs/r/log_project.html.markdown; the SLS API
reference says per region) and Tablestore instance names "must be unique within a region"
(https://www.alibabacloud.com/help/en/tablestore/support/what-are-the-naming-conventions-of-tables-columns-and-instances),
so two teams deploying the reference platform unchanged collide on their first apply. Every such
name the toolkit derives ends in `-<name_suffix>`.

Why the suffix lives in the platform file: a name must be the same in every checkout of one
repository (a teammate, a CI runner and `review --base-ref` must all synthesize the same bucket),
so it is committed with the description, written once by `alicloud-ml init`; never drawn per
checkout or kept in an ignored file.
"""

from __future__ import annotations

import re
import secrets
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

PROD_NAMES = frozenset({"prod", "production", "prd"})

#: 1-5 lowercase letters/digits: the longest derived name, the Tablestore instance
#: `ml-tfstate-<suffix>`, must stay within Tablestore's 16 characters.
NAME_SUFFIX_PATTERN = r"^[a-z0-9]{1,5}$"
#: Without `a` and `o` no generated suffix can spell a word Tablestore forbids in instance names
#: (ali, ay, ots, taobao, admin: see `alicloud_ml.props.state`).
SUFFIX_ALPHABET = "".join(c for c in string.ascii_lowercase + string.digits if c not in "ao")
#: Where toolkit versions before the committed suffix kept a per-checkout one (git-ignored): read only to
#: tell its owner which value to commit, never to name anything.
LEGACY_SUFFIX_FILE = Path(".alicloud-ml") / "name-suffix"


def is_prod(environment: str) -> bool:
    """`prod`, `production`, `prd`, or a name with one of them as a `-`/`_`/`.` token (`ml-prod`)."""
    environment = environment.lower()
    return environment in PROD_NAMES or bool(set(re.split(r"[-_.]", environment)) & PROD_NAMES)


def new_name_suffix() -> str:
    """A fresh 5-character suffix, drawn once by `alicloud-ml init` and then committed in the file it writes."""
    return "".join(secrets.choice(SUFFIX_ALPHABET) for _ in range(5))


def legacy_suffix(project_dir: Path | None = None) -> str | None:
    """The suffix an older toolkit kept in this checkout's ignored `.alicloud-ml/name-suffix`, if any."""
    path = (project_dir or Path.cwd()) / LEGACY_SUFFIX_FILE
    text = path.read_text(encoding="utf-8").strip() if path.is_file() else ""
    return text if re.fullmatch(NAME_SUFFIX_PATTERN, text) else None


def suffixed(name: str, suffix: str | None) -> str:
    """`name-suffix`, or `name` when there is no suffix."""
    return f"{name}-{suffix}" if suffix else name


# ---------------------------------------------------------------- names two envs of one account must not share

Scope = Literal["global", "account", "region"]


@dataclass(frozen=True)
class ScopedName:
    """Where a resource's name must be unique: everywhere (`global`), in the account, or in the account's region.

    `attribute` is the resource argument holding the name; `json_key` a key path inside it when the
    attribute is a JSON document (the EAS service config)."""

    attribute: str
    scope: Scope
    source: str
    json_key: tuple[str, ...] = ()


#: Resource types whose name is unique per scope, each with its source. `build_app` refuses two envs that
#: would create the same one (every env of one `[state]` is one account): the second apply would fail.
ACCOUNT_SCOPED_NAMES: dict[str, ScopedName] = {
    "alicloud_oss_bucket": ScopedName("bucket", "global", "https://www.alibabacloud.com/help/en/oss/user-guide/"
                                      "bucket-naming-conventions"),
    "alicloud_log_project": ScopedName("project_name", "global", "provider website/docs/r/log_project.html.markdown"),
    "alicloud_ots_instance": ScopedName("name", "region", "Tablestore naming conventions (module docstring)"),
    # The resource id is the name: alicloud/resource_alicloud_ram_role.go (SetId(RoleName)), ram_policy likewise.
    "alicloud_ram_role": ScopedName("role_name", "account", "alicloud/resource_alicloud_ram_role.go, SetId(RoleName)"),
    "alicloud_ram_policy": ScopedName("policy_name", "account", "alicloud/resource_alicloud_ram_policy.go"),
    # EAS services are addressed as /api/v2/services/<region>/<name> and the resource id is the name.
    "alicloud_pai_service": ScopedName("service_config", "region", "alicloud/service_alicloud_pai_v2.go",
                                       ("metadata", "name")),
    # FC 3.0: SetId(functionName); ARN acs:fc:<region>:<account>:functions/<name>.
    "alicloud_fcv3_function": ScopedName("function_name", "region", "alicloud/resource_alicloud_fcv3_function.go"),
    # KMS secret ARN acs:kms:<region>:<account>:secret/<secret name> (https://www.alibabacloud.com/help/doc-detail/28953.htm).
    "alicloud_kms_secret": ScopedName("secret_name", "region", "https://www.alibabacloud.com/help/doc-detail/28953.htm"),
    # The instance name is the first label of <name>-registry.<region>.cr.aliyuncs.com.
    "alicloud_cr_ee_instance": ScopedName("instance_name", "region", "constructs/registry.py (domains)"),
    "alicloud_pai_workspace_workspace": ScopedName("workspace_name", "region",
                                                   "provider website/docs/r/pai_workspace_workspace.html.markdown"),
}
