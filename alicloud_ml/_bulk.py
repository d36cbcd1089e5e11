"""Bulk synthesis: L1 attributes resolved once per stack instead of two jsii callbacks per resource.

cdktf asks every resource for its attributes twice (preparing the stack, then writing it), and
each ask is a jsii callback into Python costing ~0.45 ms. Inside `bulk_synthesis()` (what
`alicloud_ml.synth.synthesize` uses), generated resources are created without that callback;
their attributes are resolved with one `Tokenization.resolve` call per stack (once preparing, for
cross-stack references, once for real) and merged into the written `cdk.tf.json` under
whatever node wrote for the resource (meta-arguments, `add_override`s, metadata), with cdktf's
own merge rules. Resources created outside the block keep the callback, so `app.synth()` and
`Testing.synth` behave exactly as before.
"""

from __future__ import annotations

import contextvars
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def _active() -> contextvars.ContextVar[Any]:
    """The bindings' hook: resources built while it is set register with it instead of calling back."""
    from cdktf_cdktf_provider_alicloud._l1 import BULK

    return BULK


def _get(target: dict[str, Any] | list[Any], key: str) -> Any:
    if isinstance(target, list):
        return target[int(key)] if key.isdigit() and int(key) < len(target) else None
    return target.get(key)


def _set(target: dict[str, Any] | list[Any], key: str, value: Any) -> None:
    if isinstance(target, dict):
        target[key] = value
    elif key.isdigit():  # a JavaScript array assigned past its end grows (holes serialize as null)
        index = int(key)
        target.extend([None] * (index + 1 - len(target)))
        target[index] = value


def deep_merge(target: dict[str, Any] | list[Any], source: dict[str, Any]) -> Any:
    """cdktf's `deepMerge` (cdktf/lib/util.js): objects merge, arrays concatenate, anything else from `source`
    wins; an object merges into an array by index, so `add_override("lifecycle_rule.0.id", ...)` reaches the
    first block as it does in a plain App."""
    for key, value in source.items():
        current = _get(target, key)
        if isinstance(value, dict):
            if not isinstance(current, (dict, list)):
                current = {}
                _set(target, key, current)
            deep_merge(current, value)
        elif isinstance(value, list):
            _set(target, key, [*current, *value] if isinstance(current, list) else value)
        else:
            _set(target, key, value)
    return target


class BulkSynthesis:
    def __init__(self) -> None:
        self._members: list[tuple[Any, str, Any]] = []  # (scope, construct id, resource)
        self._scope_paths: dict[int, str] = {}

    def register(self, scope: Any, construct_id: str, resource: Any) -> None:
        self._members.append((scope, construct_id, resource))

    def _by_stack(self) -> dict[str, dict[str, Any]]:
        """{stack name: {construct path: synthesized attributes}} (one jsii call per distinct scope)."""
        out: dict[str, dict[str, Any]] = {}
        for scope, construct_id, resource in self._members:
            key = id(scope)
            if key not in self._scope_paths:
                self._scope_paths[key] = scope.node.path
            path = f"{self._scope_paths[key]}/{construct_id}"
            out.setdefault(path.split("/", 1)[0], {})[path] = resource._synthesize_attributes()
        return out

    def _resolve(self, app: Any, stack_name: str, attributes: dict[str, Any], preparing: bool) -> Any:
        from alicloud_ml._cdk import cdk

        stack = app.node.find_child(stack_name)
        resolver = cdk.DefaultTokenResolver(cdk.StringConcat())
        return cdk.Tokenization.resolve(attributes, resolver=resolver, scope=stack, preparing=preparing)

    def prepare(self, app: Any) -> None:
        """Before `app.synth()`: let cross-stack references in the attributes set up their outputs.

        An app with a single stack has no cross-stack references, so it skips this pass.
        """
        if len(app.node.children) < 2:
            return
        for stack_name, attributes in self._by_stack().items():
            self._resolve(app, stack_name, attributes, preparing=True)

    def complete(self, app: Any, outdir: Path) -> None:
        """After `app.synth()`: merge the resolved attributes into each stack's cdk.tf.json."""
        manifest = json.loads((outdir / "manifest.json").read_text())
        for stack_name, attributes in self._by_stack().items():
            resolved = self._resolve(app, stack_name, attributes, preparing=False)
            stack_file = outdir / manifest["stacks"][stack_name]["synthesizedStackPath"]
            doc = json.loads(stack_file.read_text())
            for entries in (*doc.get("resource", {}).values(), *doc.get("data", {}).values()):
                for logical_id, entry in entries.items():
                    path = entry.get("//", {}).get("metadata", {}).get("path")
                    if path in resolved:
                        entries[logical_id] = deep_merge(dict(resolved[path]), entry)
            stack_file.write_text(json.dumps(doc, indent=2, ensure_ascii=False))


@contextmanager
def bulk_synthesis() -> Iterator[BulkSynthesis]:
    """Collect the generated resources built inside the block for one bulk synthesis."""
    bulk = BulkSynthesis()
    token = _active().set(bulk)
    try:
        yield bulk
    finally:
        _active().reset(token)
