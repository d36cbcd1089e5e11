"""Function Compute 3.0 types: what the FC API fills in when the config leaves it out."""

from __future__ import annotations

from typing import Any

from alicloud_ml.emulator.plugins.registry import Lookup, computed

#: FC 3.0's OpenAPI version, which a custom domain reports (API reference "fc 2023-03-30":
#: https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-dir).
FC3_API_VERSION = "2023-03-30"


@computed("alicloud_fcv3_function", "internet_access")
def _internet_access(s: dict[str, Any], region: str, lookup: Lookup) -> bool:
    # CreateFunction's internetAccess "defaults to true" (FC 3.0 API CreateFunction:
    # https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/developer-reference/api-fc-2023-03-30-createfunction).
    return True


@computed("alicloud_fcv3_custom_domain", "api_version")
def _api_version(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return FC3_API_VERSION
