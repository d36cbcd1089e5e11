"""Typed errors the library raises; the CLI and main.py turn them into exit codes (2 = bad input)."""

from __future__ import annotations

# The generated bindings (the `cdktf-cdktf-provider-alicloud` package) define the input errors, so a bad
# argument to an L1 class and a bad TOML field are one kind of error with one rendering.
from cdktf_cdktf_provider_alicloud._errors import AlicloudError as AlicloudMlError
from cdktf_cdktf_provider_alicloud._errors import InputError, InputErrors, Problem, raise_problems

__all__ = ["AlicloudMlError", "InputError", "InputErrors", "PolicyViolation", "Problem", "raise_problems"]


class PolicyViolation(AlicloudMlError):
    """The policy gate found unsuppressed findings at or above the threshold (exit 1)."""
