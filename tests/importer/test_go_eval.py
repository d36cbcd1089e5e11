"""Go literal decoding and the Go-to-Python regex rules the importer relies on."""

from __future__ import annotations

import pytest

from alicloud_ml.importer.go_eval import go_int, go_string, sprintf
from alicloud_ml.importer.validators import python_pattern


@pytest.mark.parametrize(("literal", "value"), [
    ('"a\\"b"', 'a"b'), ('"tab\\there"', "tab\there"), ('"\\u4e2d"', "中"), ("`raw\\d`", "raw\\d"),
    ('"\\x41\\101"', "AA"),
])
def test_go_string_literals_decode_like_go(literal, value):
    assert go_string(literal) == value


def test_go_int_literals_accept_hex_octal_and_underscores():
    assert [go_int("0x10"), go_int("010"), go_int("1_000"), go_int("0")] == [16, 8, 1000, 0]


def test_sprintf_formats_the_verbs_messages_use_and_refuses_others():
    assert sprintf("Field '%s' since %s (%d%%)", ["a", "1.2", 5]) == "Field 'a' since 1.2 (5%)"
    assert sprintf("%x", [1]) is None


@pytest.mark.parametrize(("go", "python"), [
    (r"^[a-z0-9-]+$", r"^[a-z0-9-]+$"),
    (r"^[\w-.]{1,128}$", r"^[\w\-.]{1,128}$"),
    (r"^[[:alpha:]][[:digit:]]*\z", r"^[a-zA-Z][0-9]*\Z"),
])
def test_compatible_go_patterns_convert_to_python(go, python):
    assert python_pattern(go) == (python, None)


@pytest.mark.parametrize("go", [r"^\p{Han}+$", r"\Qa.b\E", r"[[:^alpha:]]"])
def test_re2_only_patterns_are_refused_with_a_reason(go):
    pattern, reason = python_pattern(go)

    assert pattern is None and reason
