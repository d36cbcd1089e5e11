"""The stop/spare rule on plain values (no SDK, no server)."""

from __future__ import annotations

import pytest

from alicloud_ml.handlers.notebook_reaper.policy import SPARE, STOP, ExemptTag, InstanceView, decide

EXEMPT = ExemptTag("overnight", "true")


def view(status: str = "Running", **kwargs) -> InstanceView:
    return InstanceView("dsw-1", "nb", status, **kwargs)


def test_running_untagged_is_stopped_with_the_schedule_in_the_reason() -> None:
    decision = decide(view(), EXEMPT, schedule="2026-12-02T11:00:00Z schedule")
    assert decision.action == STOP
    assert decision.reason == "running, not tagged overnight=true; stopped at 2026-12-02T11:00:00Z schedule"


@pytest.mark.parametrize("where", ["labels", "tags"])
@pytest.mark.parametrize("value", ["true", "True", " TRUE "])
def test_exempt_label_or_tag_spares_whatever_the_case(where: str, value: str) -> None:
    decision = decide(view(**{where: {"overnight": value}}), EXEMPT, schedule="s")
    assert decision.action == SPARE
    assert decision.reason == f"exempt {where[:-1]} overnight=true"


@pytest.mark.parametrize("pairs", [{"overnight": "false"}, {"Overnight": "true"}, {"team": "overnight"}])
def test_near_misses_are_not_exempt(pairs: dict[str, str]) -> None:
    assert decide(view(labels=pairs), EXEMPT, schedule="s").action == STOP


@pytest.mark.parametrize("status", ["Stopped", "Stopping", "Failed", "Starting", "Queuing", "Saving", ""])
def test_only_running_instances_are_stopped(status: str) -> None:
    decision = decide(view(status), EXEMPT, schedule="s")
    assert decision.action == SPARE
    assert decision.reason == f"status {status or 'unknown'}"


def test_status_is_reported_before_the_exemption() -> None:
    decision = decide(view("Stopped", labels={"overnight": "true"}), EXEMPT, schedule="s")
    assert decision.reason == "status Stopped"


def test_idle_minutes_stops_only_instances_idle_long_enough() -> None:
    assert decide(view(idle_minutes=90), EXEMPT, schedule="s", idle_minutes=60).action == STOP
    assert decide(view(idle_minutes=60), EXEMPT, schedule="s", idle_minutes=60).action == STOP
    short = decide(view(idle_minutes=59), EXEMPT, schedule="s", idle_minutes=60)
    assert (short.action, short.reason) == (SPARE, "idle 59 min < 60 min")


def test_idle_minutes_spares_instances_dsw_does_not_measure() -> None:
    decision = decide(view(idle_minutes=None), EXEMPT, schedule="s", idle_minutes=60)
    assert decision.action == SPARE
    assert "idle time unknown" in decision.reason


def test_exemption_wins_over_idleness() -> None:
    decision = decide(view(idle_minutes=600, tags={"overnight": "true"}), EXEMPT, schedule="s", idle_minutes=60)
    assert decision.action == SPARE


@pytest.mark.parametrize("text", ["overnight", "=true", "overnight=", ""])
def test_exempt_tag_must_be_key_equals_value(text: str) -> None:
    with pytest.raises(ValueError):
        ExemptTag.parse(text)


def test_exempt_tag_parse_strips_spaces() -> None:
    assert ExemptTag.parse(" keep = yes ") == ExemptTag("keep", "yes")
