"""Region ids and zone id formats: the one definition constructs, the gate and the emulator share.

Zone ids come in two forms (Alibaba Cloud, "Regions and zones supported by ECI",
https://www.alibabacloud.com/help/en/eci/product-overview/regions-and-zones, which lists every
zone id of every region, and ECS "Regions and zones",
https://www.alibabacloud.com/help/en/ecs/product-overview/regions-and-zones/):

- regions in the Chinese mainland and Hong Kong end in a city name, and their zones add
  `-<letter>`: `cn-hangzhou-i`, `cn-shanghai-b`, `cn-hongkong-b`;
- every other region ends in a number, and its zones add the letter with no hyphen:
  `ap-southeast-1a`, `ap-northeast-1a`, `eu-central-1a`, `us-west-1a`, `me-east-1a`.
"""

from __future__ import annotations

import re

#: Region ids: `cn-shanghai`, `ap-southeast-1` (and the finance clouds' `cn-shanghai-finance-1`).
REGION_PATTERN = r"^[a-z]{2,3}-[a-z0-9]+(-[a-z0-9]+)*$"

#: Every region id the provider accepts: aliyun/alicloud v1.289.0 `alicloud/connectivity/regions.go`
#: (`ValidRegions`), which `connectivity/config.go` `validateRegion` checks the provider's `region`
#: against (any other id fails unless `skip_region_validation` is set). The public-cloud ids agree with
#: Alibaba Cloud's region lists: ACS "Regions" (https://help.aliyun.com/en/cs/product-overview/open-service-area)
#: and "Common region ID reference" (https://www.alibabacloud.com/help/doc-detail/140601.htm). The
#: provider keeps regions it still accepts though the docs above no longer list them (ap-southeast-2,
#: ap-south-1, rus-west-1); the finance and government clouds come last.
REGIONS = (
    # Chinese mainland and Hong Kong
    "cn-hangzhou", "cn-shanghai", "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu",
    "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-nanjing", "cn-fuzhou", "cn-zhongwei",
    "cn-hongkong",
    # Asia Pacific
    "ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5",
    "ap-southeast-6", "ap-southeast-7", "ap-southeast-8", "ap-south-1",
    # Europe, the Americas, the Middle East
    "us-west-1", "us-east-1", "us-southeast-1", "na-south-1", "eu-central-1", "eu-west-1", "rus-west-1",
    "me-east-1", "me-central-1",
    # finance and government clouds
    "cn-hangzhou-finance", "cn-hzfinance", "cn-hzjbp", "cn-shanghai-finance-1", "cn-shanghai-finance-1-pub",
    "cn-beijing-finance-1", "cn-beijing-finance-1-pub", "cn-shenzhen-finance-1", "cn-shenzhen-finance",
    "cn-szfinance", "cn-north-2-gov-1",
)


def zone_separator(region: str) -> str:
    """`""` for regions ending in a number (`ap-southeast-1` → `ap-southeast-1a`), else `"-"`."""
    return "" if region[-1:].isdigit() else "-"


def zone_in_region(zone: str, region: str) -> bool:
    """True when `zone` is a zone id of `region` in that region's form (see the module docstring)."""
    return re.fullmatch(re.escape(region + zone_separator(region)) + "[a-z]", zone) is not None


def example_zone(region: str, letter: str = "a") -> str:
    """A zone id of `region` in its form, for messages: `cn-shanghai-a`, `ap-southeast-1a`."""
    return f"{region}{zone_separator(region)}{letter}"


def zone_form(region: str) -> str:
    """How messages describe the accepted zone ids of `region`."""
    return f"{region}{zone_separator(region)}<letter>, e.g. {example_zone(region)}"
