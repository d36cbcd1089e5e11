"""checkov's `terraform_json` parser on libyaml: the same definitions, parsed about ten times faster.

checkov reads a `*.tf.json` file as YAML to learn each object's first and last line
(`checkov/common/parsers/yaml/loader.py`, `SafeLineLoader`), with PyYAML's pure-Python scanner: about
half of an in-process scan of the reference platform. PyYAML's C parser (libyaml, in the PyYAML wheel)
yields the same nodes with the same marks; this loader keeps checkov's constructor and its line keys and
swaps only the parser. It is installed into the `terraform_json` parser module alone, when libyaml is
there; `tests/policies/test_gate_cache.py` checks that both give identical definitions.
"""

from __future__ import annotations

import types
from typing import Any


def install() -> bool:
    """Point checkov's terraform_json parser at the libyaml loader; False (checkov unchanged) without libyaml."""
    import yaml  # type: ignore[import-untyped]

    if not getattr(yaml, "__with_libyaml__", False):
        return False
    from checkov.terraform_json import parser

    parser.loader = types.SimpleNamespace(loads=loads)  # type: ignore[assignment]
    return True


def loads(content: str) -> list[Any]:
    """checkov's `loader.loads` (every document, or `[None]` when the text is not YAML), on libyaml."""
    import yaml  # type: ignore[import-untyped]

    try:
        return list(yaml.load_all(content, Loader=_line_loader()))
    except Exception:  # checkov's loads swallows every error the same way
        return [None]


_LOADER: Any = None


def _line_loader() -> Any:
    global _LOADER
    if _LOADER is None:
        from checkov.common.parsers.yaml.loader import SafeLineLoader
        from yaml._yaml import CParser  # type: ignore[import-untyped]
        from yaml.constructor import SafeConstructor  # type: ignore[import-untyped]
        from yaml.resolver import Resolver  # type: ignore[import-untyped]

        class CSafeLineLoader(CParser, SafeConstructor, Resolver):  # yaml.CSafeLoader, with checkov's line keys
            bool_values = SafeLineLoader.bool_values

            def __init__(self, stream: Any) -> None:
                CParser.__init__(self, stream)
                SafeConstructor.__init__(self)
                Resolver.__init__(self)

            def construct_mapping(self, node: Any, deep: bool = False) -> Any:
                mapping = SafeConstructor.construct_mapping(self, node, deep=deep)
                mapping["__startline__"] = node.start_mark.line + 1
                mapping["__endline__"] = node.end_mark.line + 1
                return mapping

        _LOADER = CSafeLineLoader
    return _LOADER
