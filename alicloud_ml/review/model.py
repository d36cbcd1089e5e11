"""The change records that `diff` (synth vs synth) and `plan` (terraform show -json) both produce.

One shape for both sources, so the report, the cost delta and the destructive-change gate do not
care where a change came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

# Replacing or deleting these loses data or drains workloads, so the review lists them first.
STATEFUL_TYPES = frozenset({
    "alicloud_nas_file_system", "alicloud_oss_bucket", "alicloud_ots_table", "alicloud_ots_instance",
    "alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes_node_pool", "alicloud_ecs_disk", "alicloud_log_store",
})

# What a reviewer is told is lost, per stateful type.
STATEFUL_IMPACT = {
    "alicloud_nas_file_system": "every file on the file system is lost",
    "alicloud_oss_bucket": "every object in the bucket is lost",
    "alicloud_ots_table": "every row in the table is lost",
    "alicloud_ots_instance": "every table in the instance is lost (Terraform state locks too, if it holds them)",
    "alicloud_cs_managed_kubernetes": "the cluster and every workload on it are rebuilt",
    "alicloud_cs_kubernetes_node_pool": "every node is drained and released; running jobs are evicted",
    "alicloud_ecs_disk": "the disk's data is lost",
    "alicloud_log_store": "stored logs are lost",
}


class Action(str, Enum):
    CREATE = "create"
    UPDATE = "update"
    REPLACE = "replace"
    DELETE = "delete"
    NO_OP = "no-op"


# Report order: what can lose data first.
ACTION_ORDER = {Action.REPLACE: 0, Action.DELETE: 1, Action.CREATE: 2, Action.UPDATE: 3, Action.NO_OP: 4}
SYMBOL = {Action.CREATE: "+", Action.UPDATE: "~", Action.REPLACE: "-/+", Action.DELETE: "-", Action.NO_OP: " "}


class _Absent:
    """Marks an attribute not set on one side (distinct from an explicit null)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


@dataclass
class AttrChange:
    path: str                       # display path, e.g. `scaling_config[0].min_size`
    before: Any = ABSENT
    after: Any = ABSENT
    after_unknown: bool = False     # "(known after apply)"
    forces_replacement: bool = False
    forced_by: str | None = None    # schema force-new path that matched, e.g. `primary_key.name`
    cause: str | None = None        # why the value changes without its text changing

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "before": None if self.before is ABSENT else self.before,
            "after": None if (self.after is ABSENT or self.after_unknown) else self.after,
            "after_unknown": self.after_unknown,
            "forces_replacement": self.forces_replacement,
            "forced_by": self.forced_by,
            "cause": self.cause,
        }


@dataclass
class ResourceChange:
    stack: str
    type: str
    name: str
    action: Action
    construct_path: str = ""
    attributes: list[AttrChange] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)   # why it is replaced / deleted
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    moved_from: str | None = None
    hints: list[str] = field(default_factory=list)
    module: str = ""                # module path in a plan of an HCL root (`module.platform.module.network`)

    @property
    def address(self) -> str:
        return f"{self.module}.{self.type}.{self.name}" if self.module else f"{self.type}.{self.name}"

    @property
    def stateful(self) -> bool:
        return self.type in STATEFUL_TYPES

    @property
    def destructive(self) -> bool:
        """A stateful resource replaced or deleted: data loss or a drained pool."""
        return self.stateful and self.action in (Action.REPLACE, Action.DELETE)

    def sort_key(self) -> tuple[int, str]:
        return (ACTION_ORDER[self.action], self.address)


@dataclass
class StackChanges:
    name: str
    changes: list[ResourceChange]   # every resource in base or head, no-ops included
    region: str | None = None
    #: address -> [(argument, referenced address)] when the source says it apart from the values (a plan's
    #: `configuration`); None: references are read from the values, as a synth has them
    references: dict[str, list[tuple[str, str]]] | None = None

    def counts(self) -> dict[str, int]:
        out = {a.value: 0 for a in Action}
        for c in self.changes:
            out[c.action.value] += 1
        return out

    def changed(self) -> list[ResourceChange]:
        return sorted((c for c in self.changes if c.action is not Action.NO_OP), key=ResourceChange.sort_key)
