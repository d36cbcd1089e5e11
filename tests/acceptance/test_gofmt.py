"""Go's fmt, time and acctest as the extracted tests need them: the same text as Go prints, every run."""

from __future__ import annotations

import datetime as dt

from alicloud_ml.acceptance import gofmt


def test_sprintf_formats_the_verbs_names_and_configs_are_built_with():
    assert gofmt.sprintf("tf-testAcc%sVpc%d", ["cn-hangzhou", 1234]) == "tf-testAcccn-hangzhouVpc1234"
    assert gofmt.sprintf("%v %t %q %%", [True, False, "a\"b"]) == 'true false "a\\"b" %'
    assert gofmt.sprintf("%[2]s-%[1]s-%[2]s", ["a", "b"]) == "b-a-b"
    assert gofmt.sprintf("%05d|%-4s|%4s", [42, "ab", "cd"]) == "00042|ab  |  cd"


def test_sprintf_prints_gos_own_complaints_instead_of_guessing():
    assert gofmt.sprintf("%d", ["x"]) == "%!d(string=x)"
    assert gofmt.sprintf("%s %s", ["a"]) == "a %!s(MISSING)"
    assert gofmt.sprintf("%s", ["a", 7]) == "a%!(EXTRA int=7)"


def test_time_formats_with_gos_reference_layout():
    at = dt.datetime(2030, 1, 5, 14, 3, 9, tzinfo=dt.timezone.utc)
    assert gofmt.go_time_format(at, "2006-01-02T15:04:05Z") == "2030-01-05T14:03:09Z"
    assert gofmt.go_time_format(at, "2006-01-02T15:04:05Z07:00") == "2030-01-05T14:03:09Z"
    assert gofmt.go_time_format(at, "Jan 2 03:04PM") == "Jan 5 02:03PM"
    later = gofmt.GoTime(at).add_date(0, 1, 30)
    assert later.format("2006-01-02") == "2030-03-07"  # Go normalizes 5 Feb + 30 days


def test_random_draws_are_the_same_for_a_test_and_differ_between_tests():
    first, again, other = gofmt.Draws("a.go:TestAccA"), gofmt.Draws("a.go:TestAccA"), gofmt.Draws("a.go:TestAccB")
    draws = [first.int_range(10000, 99999), first.string(8)]
    assert draws == [again.int_range(10000, 99999), again.string(8)]
    assert 10000 <= draws[0] < 99999 and len(draws[1]) == 8
    assert other.int_range(10000, 99999) != draws[0]
