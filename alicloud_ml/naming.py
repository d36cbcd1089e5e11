"""Names the toolkit derives: which environments are production, and the suffix of globally unique names.

Why a suffix: OSS bucket names are "globally unique in OSS"
(https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions), SLS project names
are globally unique per the provider docs (website/docs/r/log_project.html.markdown; the SLS API
reference says per region) and Tablestore instance names "must be unique within a region"
(https://www.alibabacloud.com/help/en/tablestore/support/what-are-the-naming-conventions-of-tables-columns-and-instances),
so two teams deploying the reference platform unchanged collide on their first apply. Every such
name the toolkit derives ends in `-<name_suffix>`.
"""

from __future__ import annotations

import os
import re
import secrets
import string
from pathlib import Path

PROD_NAMES = frozenset({"prod", "production", "prd"})

#: 1-5 lowercase letters/digits: the longest derived name, the Tablestore instance
#: `ml-tfstate-<suffix>`, must stay within Tablestore's 16 characters.
NAME_SUFFIX_PATTERN = r"^[a-z0-9]{1,5}$"
NAME_SUFFIX_ENV = "ALICLOUD_ML_NAME_SUFFIX"
#: Without `a` and `o` no generated suffix can spell a word Tablestore forbids in instance names
#: (ali, ay, ots, taobao, admin: see `alicloud_ml.constructs.state`).
SUFFIX_ALPHABET = "".join(c for c in string.ascii_lowercase + string.digits if c not in "ao")
NAME_SUFFIX_FILE = Path(".alicloud-ml") / "name-suffix"


def is_prod(environment: str) -> bool:
    """`prod`, `production`, `prd`, or a name with one of them as a `-`/`_`/`.` token (`ml-prod`)."""
    environment = environment.lower()
    return environment in PROD_NAMES or bool(set(re.split(r"[-_.]", environment)) & PROD_NAMES)


def project_name_suffix(project_dir: Path | None = None) -> str:
    """$ALICLOUD_ML_NAME_SUFFIX, else this checkout's own random suffix (`.alicloud-ml/name-suffix`).

    The file is created once per checkout and is git-ignored, so every clone of a repository
    gets its own names while repeated synths of one clone stay identical.
    """
    if value := os.environ.get(NAME_SUFFIX_ENV, "").strip():
        return value
    path = (project_dir or Path.cwd()) / NAME_SUFFIX_FILE
    if path.is_file() and (stored := path.read_text(encoding="utf-8").strip()):
        return stored
    suffix = "".join(secrets.choice(SUFFIX_ALPHABET) for _ in range(5))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(suffix + "\n", encoding="utf-8")
    return suffix


def suffixed(name: str, suffix: str | None) -> str:
    """`name-suffix`, or `name` when there is no suffix."""
    return f"{name}-{suffix}" if suffix else name
