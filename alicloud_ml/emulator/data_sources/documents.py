"""Data sources the provider computes locally from their arguments, with no API call."""

from __future__ import annotations

import json
from typing import Any

from alicloud_ml.emulator.data_sources.base import Query, reader


def _one_or_all(values: list[Any]) -> Any:
    """A one-element list becomes its element (provider: getOneStringOrAllStringSlice)."""
    return values[0] if len(values) == 1 else list(values)


@reader("alicloud_ram_policy_document")
def _ram_policy_document(query: Query) -> dict[str, Any]:
    """The JSON the provider assembles (alicloud/data_source_alicloud_ram_policy_document.go,
    AssembleDataSourcePolicyDocument): Version, then per statement Effect, Action, Resource, Principal
    (identifiers sorted in reverse, always a list) and Condition (`{operator: {variable: values}}`)."""
    statements = []
    for s in query.config.get("statement") or []:
        out: dict[str, Any] = {"Effect": s.get("effect") or "Allow", "Action": _one_or_all(s.get("action") or [])}
        if s.get("resource"):
            out["Resource"] = _one_or_all(s["resource"])
        if s.get("principal"):
            principal: dict[str, list[str]] = {}
            for p in s["principal"]:
                principal.setdefault(p["entity"], []).extend(sorted(p.get("identifiers") or [], reverse=True))
            out["Principal"] = principal
        if s.get("condition"):
            condition: dict[str, dict[str, Any]] = {}
            for c in s["condition"]:
                condition.setdefault(c["operator"], {})[c["variable"]] = _one_or_all(c.get("values") or [])
            out["Condition"] = condition
        statements.append(out)
    if not statements:
        return {"document": None}
    document = json.dumps({"Version": query.config.get("version") or "1", "Statement": statements},
                          separators=(",", ":"))
    return {"document": document, "version": query.config.get("version") or "1"}
