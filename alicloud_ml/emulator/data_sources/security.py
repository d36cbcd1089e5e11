"""Catalog data sources of the security services: what Security Center offers every account (honeypot images).

Answers come from the table below with its sources; values no source states are stand-ins, named as such.
"""

from __future__ import annotations

import hashlib
from typing import Any

from alicloud_ml.emulator.data_sources.base import Query, pattern, reader

#: Security Center honeypot images by name. `metabase` and its id: provider v1.289.0
#: website/docs/d/threat_detection_honeypot_images.html.markdown:20 (ids with name_regex "^meta"); `ruoyi`:
#: alicloud/resource_alicloud_threat_detection_honey_pot_test.go:35 (`honeypot_image_name = "ruoyi"`), whose id no
#: source gives: a stand-in digest of its name. Display names, ports and protocols are stand-ins too.
HONEYPOT_IMAGES: dict[str, str] = {
    "metabase": "sha256:02882320c9a55303410127c5dc4ae2dc470150f9d7f2483102d994f5e5f4d9df",
    "ruoyi": "sha256:" + hashlib.sha256(b"ruoyi").hexdigest(),
}


@reader("alicloud_threat_detection_honeypot_images")
def _honeypot_images(query: Query) -> dict[str, Any]:
    name_regex = pattern(query, "name_regex")
    ids = query.config.get("ids") or []
    rows = [{"id": image_id, "honeypot_image_id": image_id, "honeypot_image_name": name,
             "honeypot_image_display_name": name.title(), "honeypot_image_type": "Web", "honeypot_image_version": "1",
             "multiports": "[]", "proto": "tcp", "service_port": "80", "template": ""}
            for name, image_id in sorted(HONEYPOT_IMAGES.items())
            if (not name_regex or name_regex.search(name)) and (not ids or image_id in ids)]
    return {"ids": [r["id"] for r in rows], "names": [r["honeypot_image_name"] for r in rows], "images": rows}
