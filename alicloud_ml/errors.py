"""Typed errors the library raises; the CLI and main.py turn them into exit codes (2 = bad input)."""

from __future__ import annotations


class AlicloudMlError(Exception):
    """Base class of every error the toolkit reports to a user instead of a traceback."""


class InputError(AlicloudMlError):
    """Bad input: names the file (or construct path), the field path and what is accepted."""

    def __init__(self, where: str, field: str, problem: str, accepted: str | None = None, hint: str | None = None):
        self.where, self.field, self.problem, self.accepted, self.hint = where, field, problem, accepted, hint
        super().__init__(self.render())

    def render(self) -> str:
        text = f"{self.where}: " if self.where else ""
        text += f"{self.field}: " if self.field else ""
        text += self.problem
        if self.accepted:
            text += f"; accepted: {self.accepted}"
        if self.hint:
            text += f" - {self.hint}"
        return text


class InputErrors(AlicloudMlError):
    """Several input problems found together, reported as one message ("N problems in FILE")."""

    def __init__(self, where: str, problems: list[str]):
        self.where, self.problems = where, problems
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{len(problems)} {noun} in {where}:\n" + "\n".join(f"  {p}" for p in problems))


class PolicyViolation(AlicloudMlError):
    """The policy gate found unsuppressed findings at or above the threshold (exit 1)."""
