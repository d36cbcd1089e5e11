"""The FC handler end to end: real SDK -> loopback fake DSW API -> decisions, stops, log lines."""

from __future__ import annotations

import pytest

pytest.importorskip("alibabacloud_pai_dsw20220101", reason="the reaper's DSW SDK is not installed")

from alicloud_ml.handlers.notebook_reaper.fake_dsw import sample_instance  # noqa: E402
from alicloud_ml.handlers.notebook_reaper.handler import ReaperError  # noqa: E402

from .conftest import WORKSPACE  # noqa: E402


def inst(instance_id: str, **kwargs):
    return sample_instance(instance_id, instance_id.replace("-", "_"), workspace_id=WORKSPACE, **kwargs)


def stop_requests(fake) -> list[str]:
    return [seen.path for seen in fake.requests if seen.method == "PUT"]


def test_running_untagged_instance_is_stopped(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst("dsw-a")])
    result = run_reaper(fake)

    assert result.error is None
    assert stop_requests(fake) == ["/api/v2/instances/dsw-a/stop"]
    assert fake.status_of("dsw-a") == "Stopping"
    fake.settle()
    assert fake.status_of("dsw-a") == "Stopped"
    line = result.instance_lines["dsw-a"]
    assert line["decision"] == "stopped"
    assert line["instance_name"] == "dsw_a"
    assert line["reason"] == (
        "running, not tagged overnight=true; stopped at 2026-12-02T11:00:00Z schedule (trigger reaper-1900)"
    )
    assert result.summary is not None
    assert (result.summary["stopped"], result.summary["spared"], result.summary["failed"]) == (1, 0, 0)
    assert result.lines[-1] == result.summary  # the summary is also the last log line


def test_exempt_instance_is_never_stopped(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst("dsw-night", labels={"overnight": "true"})])
    result = run_reaper(fake)

    assert result.error is None
    assert stop_requests(fake) == []
    assert fake.status_of("dsw-night") == "Running"
    assert result.instance_lines["dsw-night"]["decision"] == "spared"
    assert result.instance_lines["dsw-night"]["reason"] == "exempt label overnight=true"


def test_exempt_instances_survive_a_many_page_mixed_workspace(fake_dsw, run_reaper) -> None:
    instances, exempt = [], set()
    for n in range(23):
        iid = f"dsw-{n:02d}"
        if n % 3 == 0:
            instances.append(inst(iid, labels={"overnight": "true", "team": "cv"}))
            exempt.add(iid)
        elif n % 5 == 0:
            instances.append(inst(iid, tags={"overnight": "True"}))  # a resource tag, other case
            exempt.add(iid)
        else:
            instances.append(inst(iid, labels={"overnight": "false"}))
    fake = fake_dsw(instances)
    result = run_reaper(fake, DSW_PAGE_SIZE="4")

    assert result.error is None
    assert exempt and not exempt & set(fake.stop_calls)
    assert all(fake.status_of(iid) == "Running" for iid in exempt)
    assert set(fake.stop_calls) == {i["InstanceId"] for i in instances} - exempt
    assert {iid for iid, line in result.instance_lines.items() if line["decision"] == "spared"} == exempt


def test_non_running_statuses_are_spared_with_the_status_as_reason(fake_dsw, run_reaper) -> None:
    statuses = ["Stopped", "Failed", "Starting", "Stopping", "Queuing"]
    fake = fake_dsw([inst(f"dsw-{s.lower()}", status=s) for s in statuses])
    result = run_reaper(fake)

    assert result.error is None
    assert stop_requests(fake) == []
    for status in statuses:
        line = result.instance_lines[f"dsw-{status.lower()}"]
        assert (line["decision"], line["reason"], line["status"]) == ("spared", f"status {status}", status)
    assert result.summary is not None and result.summary["spared"] == len(statuses)


def test_all_pages_are_listed_before_anything_is_stopped(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst(f"dsw-{n:02d}") for n in range(11)])
    result = run_reaper(fake, DSW_PAGE_SIZE="5")

    lists = [seen for seen in fake.requests if seen.method == "GET"]
    assert [seen.query["PageNumber"] for seen in lists] == ["1", "2", "3"]
    assert {seen.query["PageSize"] for seen in lists} == {"5"}
    assert {seen.query["WorkspaceId"] for seen in lists} == {WORKSPACE}
    methods = [seen.method for seen in fake.requests]
    assert methods == ["GET"] * 3 + ["PUT"] * 11
    assert result.summary is not None and result.summary["total"] == 11
    assert sorted(fake.stop_calls) == [f"dsw-{n:02d}" for n in range(11)]


def test_exact_page_multiple_ends_without_an_extra_empty_page(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst(f"dsw-{n}") for n in range(6)])
    run_reaper(fake, DSW_PAGE_SIZE="3")
    assert [seen.query["PageNumber"] for seen in fake.requests if seen.method == "GET"] == ["1", "2"]


def test_a_page_size_capped_by_the_service_still_lists_everything(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst(f"dsw-{n:02d}") for n in range(7)], max_page_size=2)
    result = run_reaper(fake, DSW_PAGE_SIZE="5")

    assert result.summary is not None and result.summary["total"] == 7
    assert [seen.query["PageNumber"] for seen in fake.requests if seen.method == "GET"] == ["1", "2", "3", "4"]
    assert len(fake.stop_calls) == 7


def test_dry_run_stops_nothing_but_logs_every_decision(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst("dsw-a"), inst("dsw-b", labels={"overnight": "true"}), inst("dsw-c", status="Stopped")])
    result = run_reaper(fake, DRY_RUN="true")

    assert result.error is None
    assert stop_requests(fake) == [] and fake.stop_calls == []
    assert fake.status_of("dsw-a") == "Running"
    assert result.decision("dsw-a") == "would_stop"
    assert result.instance_lines["dsw-a"]["reason"].startswith("dry run: running, not tagged overnight=true")
    assert result.decision("dsw-b") == "spared"
    assert result.decision("dsw-c") == "spared"
    assert all(line["dry_run"] is True for line in result.lines)
    assert result.summary is not None
    assert (result.summary["would_stop"], result.summary["stopped"], result.summary["spared"]) == (1, 0, 2)


def test_one_failed_stop_does_not_spare_the_rest_and_fails_the_invocation(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst("dsw-a"), inst("dsw-broken"), inst("dsw-c")], fail_stop={"dsw-broken"})
    result = run_reaper(fake)

    assert isinstance(result.error, ReaperError)
    assert "dsw-broken" in str(result.error)
    assert sorted(fake.stop_calls) == ["dsw-a", "dsw-broken", "dsw-c"]
    assert fake.status_of("dsw-a") == fake.status_of("dsw-c") == "Stopping"
    assert fake.status_of("dsw-broken") == "Running"
    failed = result.instance_lines["dsw-broken"]
    assert failed["decision"] == "failed"
    assert "InternalError" in failed["error"] and "injected failure" in failed["error"]
    summary = result.lines[-1]
    assert summary["reaper"] == "summary"
    assert (summary["stopped"], summary["failed"], summary["failed_ids"]) == (2, 1, ["dsw-broken"])
    assert result.error.summary == summary


def test_a_role_without_stop_instance_stops_nothing_and_fails_the_invocation(
        fake_dsw, run_reaper, reaper_role_policies) -> None:
    """The fake evaluates the role policy the dev stack synthesizes; without paidsw:StopInstance every stop is
    refused by RAM, as on the cloud, and the invocation fails naming the instance."""
    narrowed = tuple(p.replace('"paidsw:StopInstance"', '"paidsw:GetInstance"') for p in reaper_role_policies)
    assert narrowed != reaper_role_policies
    fake = fake_dsw([inst("dsw-a")], policies=narrowed)
    result = run_reaper(fake)

    assert isinstance(result.error, ReaperError) and "dsw-a" in str(result.error)
    assert fake.status_of("dsw-a") == "Running"
    assert "Forbidden.RAM" in result.instance_lines["dsw-a"]["error"]


def test_idle_minutes_uses_dsw_idle_time(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst("dsw-idle", idle_minutes=95), inst("dsw-busy", idle_minutes=5), inst("dsw-unmeasured")])
    result = run_reaper(fake, IDLE_MINUTES="60")

    assert fake.stop_calls == ["dsw-idle"]
    assert result.instance_lines["dsw-idle"]["reason"].startswith("idle 95 min >= 60 min")
    assert result.instance_lines["dsw-busy"]["reason"] == "idle 5 min < 60 min"
    assert "idle time unknown" in result.instance_lines["dsw-unmeasured"]["reason"]


def test_custom_exempt_tag(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst("dsw-keep", tags={"keep-alive": "yes"}), inst("dsw-night", labels={"overnight": "true"})])
    result = run_reaper(fake, EXEMPT_TAG="keep-alive=yes")

    assert fake.stop_calls == ["dsw-night"]  # the default tag no longer exempts
    assert result.instance_lines["dsw-keep"]["reason"] == "exempt tag keep-alive=yes"


def test_other_workspaces_are_untouched(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst("dsw-mine"), sample_instance("dsw-theirs", "theirs", workspace_id="ws-other")])
    result = run_reaper(fake)

    assert fake.stop_calls == ["dsw-mine"]
    assert set(result.instance_lines) == {"dsw-mine"}


def test_without_a_timer_event_the_reason_names_the_invocation(fake_dsw, run_reaper) -> None:
    fake = fake_dsw([inst("dsw-a")])
    result = run_reaper(fake, event=b"")
    assert result.instance_lines["dsw-a"]["reason"].endswith(" invocation")
