"""Evaluate RAM policy documents as RAM does, so a handler's tests and the gate see the role's real permissions.

Rules, from RAM's "Policy structure and syntax" (https://www.alibabacloud.com/help/document_detail/93739.html)
and "Policy evaluation logic" (https://www.alibabacloud.com/help/en/resource-access-management/latest/policy-evaluation-process):
- a request is denied unless a statement allows it (deny by default), and any matching Deny statement wins
  over every Allow (explicit deny overrides allow);
- a statement matches when its Action (or, for NotAction, none of its actions) covers the request's action,
  its Resource (or NotResource) covers the ARN, and every Condition holds;
- `Action` is `service:ActionName`, a list of them, or `*`; `Resource` is an ARN
  (`acs:<service>:<region>:<account>:<relative id>`), a list, or `*`; `*` and `?` are wildcards in both.
  Actions compare case-insensitively, ARNs exactly (README "Assumptions": action case).
- Condition: `{Operator: {key: value or [values]}}`; all operators must hold, any value of a key matches.
  Supported here are the operators the toolkit writes and their negations (StringEquals, StringNotEquals,
  StringEqualsIgnoreCase, StringLike, StringNotLike, Bool, IpAddress, NotIpAddress); another operator
  raises, so a policy is never judged by a rule this module does not know.
Resource Directory control policies, session policies and resource-based policies are out of scope: the
loopback servers and the gate evaluate one principal's identity policies.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Iterable, Mapping
from enum import Enum
from fnmatch import fnmatchcase
from typing import Any


class Decision(str, Enum):
    ALLOW = "Allow"
    EXPLICIT_DENY = "ExplicitDeny"
    IMPLICIT_DENY = "ImplicitDeny"


class UnsupportedPolicy(ValueError):
    """A policy uses a condition operator or element this evaluator does not model."""


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _match(pattern: str, value: str, *, ignore_case: bool = False) -> bool:
    """RAM's wildcards: `*` any run of characters, `?` one character; no other character is special."""
    escaped = str(pattern).replace("[", "[[]")
    if ignore_case:
        return fnmatchcase(str(value).lower(), escaped.lower())
    return fnmatchcase(str(value), escaped)


def _ip_in(value: str, networks: list[Any]) -> bool:
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(str(n), strict=False) for n in networks)


_OPERATORS = {
    "StringEquals": lambda actual, wanted: actual in wanted,
    "StringNotEquals": lambda actual, wanted: actual not in wanted,
    "StringEqualsIgnoreCase": lambda actual, wanted: actual.lower() in {w.lower() for w in wanted},
    "StringLike": lambda actual, wanted: any(_match(w, actual) for w in wanted),
    "StringNotLike": lambda actual, wanted: not any(_match(w, actual) for w in wanted),
    "Bool": lambda actual, wanted: actual.lower() in {str(w).lower() for w in wanted},
    "IpAddress": lambda actual, wanted: _ip_in(actual, wanted),
    "NotIpAddress": lambda actual, wanted: not _ip_in(actual, wanted),
}
_NEGATED = {"StringNotEquals", "StringNotLike", "NotIpAddress"}


def _condition_holds(condition: Mapping[str, Any], context: Mapping[str, Any]) -> bool:
    for operator, keys in condition.items():
        test = _OPERATORS.get(operator)
        if test is None:
            raise UnsupportedPolicy(f"condition operator {operator!r} is not modelled; accepted: "
                                    f"{', '.join(sorted(_OPERATORS))}")
        for key, wanted in keys.items():
            actual = context.get(key)
            if actual is None:  # a key the request does not carry: only negated operators hold
                if operator not in _NEGATED:
                    return False
                continue
            wanted = [str(w) for w in _values(wanted)]
            if not any(test(str(a), wanted) for a in _values(actual)):
                return False
    return True


def _covers(statement: Mapping[str, Any], key: str, value: str, *, ignore_case: bool) -> bool:
    if key in statement:
        return any(_match(p, value, ignore_case=ignore_case) for p in _values(statement[key]))
    negated = "Not" + key
    if negated in statement:
        return not any(_match(p, value, ignore_case=ignore_case) for p in _values(statement[negated]))
    raise UnsupportedPolicy(f"statement has neither {key} nor {negated}")


def statements(policies: Iterable[Mapping[str, Any] | str]) -> list[Mapping[str, Any]]:
    """Every statement of the documents (JSON text or parsed)."""
    out: list[Mapping[str, Any]] = []
    for policy in policies:
        document = json.loads(policy) if isinstance(policy, str) else policy
        out.extend(_values(document.get("Statement", [])))
    return out


def evaluate(policies: Iterable[Mapping[str, Any] | str], action: str, resource: str,
             context: Mapping[str, Any] | None = None) -> Decision:
    """RAM's decision for one request of a principal holding exactly `policies`."""
    allowed = False
    for statement in statements(policies):
        if not (_covers(statement, "Action", action, ignore_case=True)
                and _covers(statement, "Resource", resource, ignore_case=False)
                and _condition_holds(statement.get("Condition") or {}, context or {})):
            continue
        if statement.get("Effect") == "Deny":
            return Decision.EXPLICIT_DENY
        allowed = allowed or statement.get("Effect") == "Allow"
    return Decision.ALLOW if allowed else Decision.IMPLICIT_DENY


def allows(policies: Iterable[Mapping[str, Any] | str], action: str, resource: str,
           context: Mapping[str, Any] | None = None) -> bool:
    return evaluate(list(policies), action, resource, context) is Decision.ALLOW


#: In a resource pattern given to `could_allow`: any one ARN segment value (no `:` or `/`), e.g. a bucket name.
ANY_NAME = "\x00"


def _overlap(pattern: str, shape: str) -> bool:
    """Some string matches both the policy's wildcard pattern (`*` any run, `?` one character) and the
    resource shape (literals and ANY_NAME)."""
    seen: set[tuple[int, int]] = set()
    todo = [(0, 0)]
    while todo:
        i, j = todo.pop()
        if (i, j) in seen:
            continue
        seen.add((i, j))
        a = pattern[i] if i < len(pattern) else None
        b = shape[j] if j < len(shape) else None
        if a is None and b is None:
            return True
        if a == "*":
            todo.append((i + 1, j))  # the star ends here
            if b is not None and b != ANY_NAME:
                todo.append((i, j + 1))  # the star takes the shape's literal
        if b == ANY_NAME:
            todo.append((i, j + 1))  # the name ends here
            if a is not None and a not in "*:/":
                todo.append((i + 1, j))  # the name takes the pattern's literal
        if a is not None and b is not None and a != "*" and b != ANY_NAME and (a == b or a == "?"):
            todo.append((i + 1, j + 1))
    return False


def could_allow(policies: Iterable[Mapping[str, Any] | str], action: str, resource_pattern: str) -> bool:
    """Whether an Allow statement grants `action` on some resource of `resource_pattern` (itself a wildcard
    pattern, for the gate, which knows a resource's shape but not every name in it). Conditions are
    assumed to hold and Deny statements are not counted: a False is certain, a True is not a proof."""
    for statement in statements(policies):
        if statement.get("Effect") != "Allow" or "Action" not in statement or "Resource" not in statement:
            continue
        if any(_match(p, action, ignore_case=True) for p in _values(statement["Action"])) and any(
                _overlap(p, resource_pattern) for p in _values(statement["Resource"])):
            return True
    return False
