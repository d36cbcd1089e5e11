"""Errors the bindings raise for bad input: every problem at construction, with the construct path.

The toolkit (alicloud-ml-cdk) re-exports these as `alicloud_ml.errors`, so its CLI turns them into
exit code 2 like any other bad input.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Problem(NamedTuple):
    """One input problem as data: dotted field path, what is wrong, what is accepted, how to fix it."""

    field: str
    problem: str
    accepted: str | None = None
    hint: str | None = None

    def render(self) -> str:
        text = f"{self.field}: {self.problem}" if self.field else self.problem
        if self.accepted:
            text += f"; accepted: {self.accepted}"
        if self.hint:
            text += f" - {self.hint}"
        return text


class AlicloudError(Exception):
    """Base class of every error reported to a user instead of a traceback."""


class InputError(AlicloudError):
    """Bad input: names the file (or construct path), the field path and what is accepted."""

    def __init__(self, where: str, field: str, problem: str, accepted: str | None = None, hint: str | None = None):
        self.where, self.field, self.problem, self.accepted, self.hint = where, field, problem, accepted, hint
        super().__init__(self.render())

    def render(self) -> str:
        text = Problem(self.field, self.problem, self.accepted, self.hint).render()
        return f"{self.where}: {text}" if self.where else text


class InputErrors(AlicloudError):
    """Several input problems found together, reported as one message ("N problems in FILE")."""

    def __init__(self, where: str, problems: Sequence[Problem]):
        self.where, self.problems = where, list(problems)
        noun = "problem" if len(self.problems) == 1 else "problems"
        super().__init__(f"{len(self.problems)} {noun} in {where}:\n" + "\n".join(f"  {p}" for p in self.lines()))

    def lines(self) -> list[str]:
        """One rendered line per problem, each naming `where`."""
        return [f"{self.where}: {p.render()}" for p in self.problems]


def raise_problems(where: str, problems: Sequence[Problem]) -> None:
    """Raise InputError for one problem, InputErrors for several; do nothing for none."""
    if len(problems) == 1:
        p = problems[0]
        raise InputError(where, p.field, p.problem, p.accepted, p.hint)
    if problems:
        raise InputErrors(where, problems)
