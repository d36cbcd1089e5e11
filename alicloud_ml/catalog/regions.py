"""Region and zone id formats: the one definition constructs, the gate and the emulator share.

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
REGION_PATTERN = r"^[a-z]{2}-[a-z]+(-[a-z]+)?(-[0-9]+)?$"


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
