"""Facts the docs state and the Go schema does not: a type's id format and the cloud's defaults.

- `id_format`: how the provider composes a resource's id, from the `id` attribute's text ("The value is
  formulated as `<project_name>:<logstore_name>`") or the page's import example
  (`terraform import alicloud_x.example <cluster_id>:<nodepool_id>`). The emulator builds ids in
  the same shape, so `terraform import` and id-parsing code behave as they would on the cloud.
- `docs_default`: the value an Optional+Computed attribute takes when it is not set ("Default value:
  `3600`", "Default to `private`"). The provider reads such values back from the API, so the emulator
  fills them the same way instead of leaving them empty. Only computed attributes get one: an
  attribute that is not computed stays null in the state when unset, whatever the cloud uses.
"""

from __future__ import annotations

import re
from typing import Any

_FORMULATED = re.compile(r"formulated as\s*`([^`]+)`")
_IMPORT = re.compile(r"terraform import (alicloud_[a-z0-9_]+)\.[\w-]+\s+(\S+)")
_VALUE = r"(`[^`]+`|\"[^\"]+\"|true\b|false\b|-?\d+(?:\.\d+)?\b)"
_DEFAULTS = (  # "Default value: `3600`", "Defaults to \"private\"", "`PayAsYouGo` (default)", "By default ... set to `x`"
    re.compile(r"\bdefault(?:s)?(?: value)?(?:\s+is|\s+to|\s*:)?\s*" + _VALUE, re.IGNORECASE),
    re.compile(r"(`[^`]+`)\s*\(default\)", re.IGNORECASE),
    re.compile(r"\bby default,?[^.`]*?\bset to\s*" + _VALUE, re.IGNORECASE),
)
_SKIP_VALUES = {"null", "none", "empty", ""}


def id_format(type_name: str, id_text: str | None, page_text: str) -> str | None:
    """`<a>:<b>` when the docs say the id is composed of parts; None for a plain id (`<id>`)."""
    found = _FORMULATED.search(id_text or "")
    value = found.group(1) if found else None
    if value is None:
        imports = [m for m in _IMPORT.finditer(page_text) if "<" in m.group(2)]
        own = [m for m in imports if m.group(1) == type_name]  # an alias's page names the other type
        value = (own or imports)[0].group(2) if imports else None
    if not value or not re.fullmatch(r"[<>\w:./-]+", value) or value.strip("<>") in ("id", type_name):
        return None
    return value if ":" in value or "/" in value else None


def docs_default(description: str | None, attr_type: Any) -> Any:
    """The default a description states, typed like the attribute; None when it states none."""
    if not description or not isinstance(attr_type, str):
        return None
    m = next((found for pattern in _DEFAULTS if (found := pattern.search(description))), None)
    if m is None:
        return None
    raw = m.group(1).strip("`\"").strip()
    if raw.lower() in _SKIP_VALUES:
        return None
    if attr_type == "bool":
        return {"true": True, "false": False}.get(raw.lower())
    if attr_type == "number":
        try:
            return int(raw) if re.fullmatch(r"-?\d+", raw) else float(raw)
        except ValueError:
            return None
    return raw if attr_type == "string" and " " not in raw else None


def apply_defaults(block: dict[str, Any]) -> int:
    """Record `docs_default` on the computed attributes of a block tree; returns how many were found."""
    found = 0
    for name, attr in block.get("attributes", {}).items():
        if attr.get("computed") and "default" not in attr:
            value = docs_default(attr.get("description"), attr.get("type"))
            if value is not None and _allowed(attr, value):
                attr["docs_default"] = value
                found += 1
    for name, nested in block.get("block_types", {}).items():
        if name != "timeouts":
            found += apply_defaults(nested["block"])
    return found


def _allowed(attr: dict[str, Any], value: Any) -> bool:
    allowed = attr.get("allowed_values")
    if allowed and value not in allowed:
        return False
    low, high = attr.get("range") or (None, None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (low is None or value >= low) and (high is None or value <= high)
    return True
