"""Deterministic samples of types spread over the service modules (for tests that cannot afford all types)."""

from __future__ import annotations

from alicloud_ml.codegen.model import module_types


def resource_sample(size: int = 50) -> list[str]:
    """The first resource type of `size` services spread evenly over the sorted service modules."""
    return _spread([types for types, _ in module_types().values() if types], size)


def data_source_sample(size: int = 10) -> list[str]:
    return _spread([types for _, types in module_types().values() if types], size)


def _spread(groups: list[list[str]], size: int) -> list[str]:
    step = len(groups) / size
    return [groups[int(i * step)][0] for i in range(min(size, len(groups)))]
