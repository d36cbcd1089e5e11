"""Validator problems travel as data (field, problem, accepted, hint), never as text parsed back."""

from __future__ import annotations

from typing import Self

import pytest
from pydantic import ValidationError, model_validator

from alicloud_ml.errors import InputErrors, Problem
from alicloud_ml.props.base import FrozenModel, fail, join_errors, problems_from, resolve_props


class _Inner(FrozenModel):
    size: int = 1

    @model_validator(mode="after")
    def _check(self) -> Self:
        # text that a parser of "field: problem; accepted: x - hint" would have split in the wrong places
        join_errors([fail("size", "ratio 1:2 - too wide; accepted: no", "1 - 2: inclusive", "see a - b"),
                     fail("", "whole-model problem")])
        return self


class _Outer(FrozenModel):
    inner: _Inner


def test_problems_keep_every_part_exactly_and_gain_the_model_path() -> None:
    with pytest.raises(ValidationError) as caught:
        _Outer.model_validate({"inner": {"size": 3}})
    assert problems_from(caught.value) == [
        Problem("inner.size", "ratio 1:2 - too wide; accepted: no", "1 - 2: inclusive", "see a - b"),
        Problem("inner", "whole-model problem"),
    ]


def test_resolve_props_reports_all_problems_under_the_construct_path() -> None:
    with pytest.raises(InputErrors) as caught:
        resolve_props(_Inner, {"size": 2}, "Stack/Pool")
    assert caught.value.problems == [
        Problem("size", "ratio 1:2 - too wide; accepted: no", "1 - 2: inclusive", "see a - b"),
        Problem("", "whole-model problem"),
    ]
    assert caught.value.lines() == [
        "Stack/Pool: size: ratio 1:2 - too wide; accepted: no; accepted: 1 - 2: inclusive - see a - b",
        "Stack/Pool: whole-model problem",
    ]
