"""The reaper's decision, kept free of SDK and I/O so every rule can be tested on plain values.

Why a separate module: the nightly stop is destructive (a stopped DSW notebook loses its running
kernels), so the stop/spare rule is the part that must be easy to read and to test exhaustively.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The only status the reaper stops. Instance statuses per the SDK's ListInstancesRequest.status
#: comment (alibabacloud_pai_dsw20220101 2.4.0, models/_list_instances_request.py) and
#: https://www.alibabacloud.com/help/zh/pai/developer-reference/api-pai-dsw-2022-01-01-listinstances :
#: Creating, SaveFailed, Stopped, Failed, ResourceAllocating, Stopping, Updating, Saving, Queuing,
#: Recovering, Starting, Running, Saved, Deleting, EnvPreparing. Anything but Running is either not
#: billing compute yet/anymore or is mid-transition, where a stop would race the platform.
RUNNING = "Running"

STOP = "stop"
SPARE = "spare"


@dataclass(frozen=True)
class ExemptTag:
    """`key=value` that spares an instance, matched against its custom labels and its tags.

    The value compares case-insensitively: someone who tagged `overnight=True` meant it, and a
    wrongly stopped overnight run costs more than a wrongly spared notebook.
    """

    key: str
    value: str

    @classmethod
    def parse(cls, text: str) -> ExemptTag:
        key, sep, value = text.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ValueError(f"exempt tag must be key=value, got {text!r}")
        return cls(key.strip(), value.strip())

    def matches(self, pairs: dict[str, str]) -> bool:
        value = pairs.get(self.key)
        return value is not None and value.strip().lower() == self.value.lower()

    def __str__(self) -> str:
        return f"{self.key}={self.value}"


@dataclass(frozen=True)
class InstanceView:
    """What the decision needs from one DSW instance (ListInstances' `Instances[]` element)."""

    instance_id: str
    name: str
    status: str
    labels: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    #: IdleInstanceCuller.IdleTimeInMinutes; None when the instance has no idle-culler rule,
    #: because DSW only measures idleness for instances that have one (see dsw.py).
    idle_minutes: int | None = None


@dataclass(frozen=True)
class Decision:
    instance: InstanceView
    action: str  # STOP or SPARE
    reason: str


def decide(
    instance: InstanceView,
    exempt: ExemptTag,
    *,
    schedule: str,
    idle_minutes: int | None = None,
) -> Decision:
    """Stop a Running, untagged instance; spare everything else and say why.

    `schedule` is the human text of the run that decided (e.g. "19:00 schedule"), quoted in the
    stop reason so the log line says which trigger did it. `idle_minutes`, when set, also requires
    DSW's own idle time to have reached that many minutes; an instance without an idle-time
    measurement is spared, since stopping it would claim an idleness nobody measured.
    """
    if instance.status != RUNNING:
        return Decision(instance, SPARE, f"status {instance.status or 'unknown'}")
    if exempt.matches(instance.labels):
        return Decision(instance, SPARE, f"exempt label {exempt}")
    if exempt.matches(instance.tags):
        return Decision(instance, SPARE, f"exempt tag {exempt}")
    if idle_minutes is not None:
        if instance.idle_minutes is None:
            return Decision(
                instance, SPARE, f"idle time unknown (no IdleInstanceCuller), IDLE_MINUTES={idle_minutes}"
            )
        if instance.idle_minutes < idle_minutes:
            return Decision(instance, SPARE, f"idle {instance.idle_minutes} min < {idle_minutes} min")
        return Decision(
            instance, STOP, f"idle {instance.idle_minutes} min >= {idle_minutes} min; stopped at {schedule}"
        )
    return Decision(instance, STOP, f"running, not tagged {exempt}; stopped at {schedule}")
