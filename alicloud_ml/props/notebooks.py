"""Props of `alicloud_ml.constructs.notebooks` (jsii-free: validating a platform file must not start the CDK runtime).

Why the defaults, and the cloud facts behind them: see that module's docstring.
"""

from __future__ import annotations

import re
from typing import Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from alicloud_ml.props.base import FrozenModel, InstanceTypeName, fail, join_errors

_CRON_FIELD = re.compile(r"^[0-9A-Za-z*?,/-]+$")
#: Tags the reaper's function carries so the review can show what it is expected to save: how many GPU
#: notebooks it typically stops, their type, and how long they stay stopped (read by review/cost.py).
REAPER_ESTIMATE_TAGS = {"notebooks": "ml.alicloud/reaper-estimate-notebooks",
                        "instance_type": "ml.alicloud/reaper-estimate-instance-type",
                        "hours_per_night": "ml.alicloud/reaper-estimate-hours-per-night"}
WEEKNIGHTS_PER_MONTH = 5 * 52 / 12  # Monday-Friday evenings, 52 weeks a year


class NotebookReaperProps(FrozenModel):
    """Props of `NotebookReaper`."""

    function_name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$", description="Function name. Required.")
    workspace_id: str | None = Field(None, min_length=1, description=(
        "PAI workspace whose notebooks are reaped (`DSW_WORKSPACE_ID`). Default: - the platform's `[workspace]`."))
    cron: str = Field("0 0 19 * * *", description=(
        "Six-field cron (seconds minutes hours day month weekday) in `time_zone`. Default: `0 0 19 * * *` "
        "(19:00 every day, the guide's 7 PM)."))
    time_zone: str | None = Field(None, description=(
        "IANA zone the cron runs in (`CRON_TZ=`). Default: - the region's zone (`Asia/Shanghai` for cn-*)."))
    exempt_tag: str = Field("overnight=true", pattern=r"^[^=\s]+=[^=\s]+$", description=(
        "`key=value` label/tag that spares an instance (`EXEMPT_TAG`). Default: `overnight=true`."))
    idle_minutes: int | None = Field(None, ge=1, le=10080, description=(
        "Also require DSW's own idle time (`IdleInstanceCuller.IdleTimeInMinutes`) to reach this (`IDLE_MINUTES`); "
        "instances without an idle measurement are then spared. Default: none (stop every running, untagged one)."))
    dry_run: bool = Field(False, description="Log what would be stopped, stop nothing (`DRY_RUN`). Default: `false`.")
    memory_mb: int = Field(256, ge=128, le=32768, multiple_of=64, description="Function memory. Default: `256`.")
    timeout_s: int = Field(300, ge=10, le=86400, description="Function timeout in seconds. Default: `300`.")
    log_store: str = Field("notebook-reaper", pattern=r"^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$", description=(
        "Logstore in the platform's SLS project for the reaper's JSON lines. Default: `notebook-reaper`."))
    log_retention_days: int = Field(90, ge=1, le=3650, description="Retention of that logstore. Default: `90`.")
    estimate_notebooks: int = Field(0, ge=0, le=1000, description=(
        "For the cost review only: GPU notebooks typically left running at the stop time. Default: `0` (no "
        "savings estimate)."))
    estimate_instance_type: InstanceTypeName | None = Field(None, pattern=r"^ecs\.", description=(
        "For the cost review only: their instance type, priced from the price table. Required with "
        "estimate_notebooks."))
    estimate_resume_hour: int = Field(9, ge=0, le=23, description=(
        "For the cost review only: hour notebooks would otherwise be in use again. Default: `9`."))
    tags: dict[str, str] = Field(default_factory=dict, description="Tags. Default: none.")

    @field_validator("cron")
    @classmethod
    def _six_fields(cls, value: str) -> str:
        fields = value.split()
        if len(fields) != 6 or not all(_CRON_FIELD.match(f) for f in fields):
            raise fail("", f"invalid cron {value!r}", "six fields: seconds minutes hours day-of-month month "
                       "day-of-week, e.g. 0 0 19 * * *", "set the zone with time_zone, not CRON_TZ= in the text")
        return value

    @field_validator("time_zone")
    @classmethod
    def _iana(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise fail("", f"unknown time zone {value!r}", "an IANA zone such as Asia/Shanghai") from None
        return value

    @model_validator(mode="after")
    def _estimate(self) -> Self:
        errors: list[ValueError] = []
        if self.estimate_notebooks and not self.estimate_instance_type:
            errors.append(fail("estimate_instance_type", "estimate_notebooks needs the notebooks' instance type",
                               "an ECS type, e.g. ecs.gn7i-c8g1.2xlarge"))
        if self.estimate_notebooks and self.stopped_hours_per_night is None:
            errors.append(fail("cron", "the savings estimate needs a plain stop hour in cron (e.g. 0 0 19 * * *)",
                               hint="or set estimate_notebooks = 0"))
        join_errors(errors)
        return self

    @property
    def stopped_hours_per_night(self) -> float | None:
        """Hours from the stop time to `estimate_resume_hour` the next day; None when cron has no plain time."""
        sec, minute, hour = self.cron.split()[:3]
        if not (sec.isdigit() and minute.isdigit() and hour.isdigit()):
            return None
        stop = int(hour) + int(minute) / 60
        return round((self.estimate_resume_hour - stop) % 24 or 24.0, 2)
