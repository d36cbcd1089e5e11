"""`TerraformIterator.dynamic()` as a block's value: a `dynamic` block in the synthesized JSON, as cdktf writes it.

cdktf's generated classes turn the iterator's dynamic expression into a `TerraformDynamicBlock` with a
TypeScript helper (`listMapper`) that jsii does not expose to Python; given as is, the expression
resolves to a `for` expression string, which Terraform refuses where a block is expected. So the
bindings remember what `dynamic()` was called with (the iterator and the content) and write
`"dynamic": {"<block>": {"for_each": ..., "iterator": "each", "content": {...}}}` themselves. The
`for_each` expression is the one cdktf renders for the iterator: read from the iterator's own
`for_expression_for_list`, which wraps it in `[ for key, val in <for_each>: <value>]`.
"""

from __future__ import annotations

from typing import Any

from cdktf_cdktf_provider_alicloud._cdk import cdk

_CALLS: dict[str, tuple[Any, Any]] = {}  # jsii reference of a dynamic expression -> (iterator, content)
_SENTINEL = "__cdktf_provider_alicloud_content__"


def _record_dynamic_calls() -> None:
    original = cdk.TerraformIterator.dynamic
    if getattr(original, "_alicloud_recorded", False):
        return

    def dynamic(self: Any, attributes: Any) -> Any:
        expression = original(self, attributes)
        _CALLS[expression.__jsii_ref__.ref] = (self, attributes)
        return expression

    dynamic._alicloud_recorded = True  # type: ignore[attr-defined]
    cdk.TerraformIterator.dynamic = dynamic


_record_dynamic_calls()


def content_of(value: Any) -> Any:
    """The content a `dynamic()` expression was made with, or None when `value` is not one."""
    ref = getattr(getattr(value, "__jsii_ref__", None), "ref", None)
    call = _CALLS.get(ref) if ref is not None else None
    return None if call is None else call[1]


def dynamic_block(scope: Any, value: Any, content: Any) -> dict[str, Any]:
    """The `dynamic` block JSON for a dynamic expression used as a block's value."""
    iterator = _CALLS[value.__jsii_ref__.ref][0]
    resolver = cdk.DefaultTokenResolver(cdk.StringConcat())
    rendered = cdk.Tokenization.resolve(iterator.for_expression_for_list(_SENTINEL), scope=scope, preparing=False,
                                        resolver=resolver)
    prefix, suffix = "${[ for key, val in ", f": {_SENTINEL}]}}"
    assert rendered.startswith(prefix) and rendered.endswith(suffix), rendered  # cdktf's forExpression format
    return {"for_each": "${" + rendered[len(prefix): -len(suffix)] + "}", "iterator": "each", "content": content}
