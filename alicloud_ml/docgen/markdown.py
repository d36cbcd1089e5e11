"""Markdown pieces the generated reference pages share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def table(header: tuple[str, ...], rows: Sequence[tuple[Any, ...]]) -> str:
    """A Markdown table; pipes and newlines inside cells are escaped so a row stays one row."""
    def cell(value: str) -> str:
        return " ".join(str(value).split()).replace("|", "\\|")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
