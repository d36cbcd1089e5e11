"""Remote state: the OSS bucket + Tablestore lock table (`StateBackend`) and the `backend "oss"` block.

The bucket must exist before any stack can use it as a backend, so the resources live in their
own bootstrap stack (`ml-state`, applied once with a local backend), while every platform stack
only gets the backend configuration (`configure_backend`). For the offline emulator, or a first
try on a laptop, `configure_backend(..., kind="local")` writes a local backend instead; the stacks
choose with `ALICLOUD_ML_BACKEND=local|oss` (read in `stacks/`, never here).

Hardening: versioning (recover a broken state), server-side encryption of the bucket and of the
state object (`encrypt = true`; the backend default is false), private ACL, public access
blocked (`buckets.private_bucket`), and locking (the backend only locks when `tablestore_table` is
set). `prevent_destroy` covers the bucket, the lock instance and the lock table alike: losing the
table while any env holds a lock leaves Terraform unable to lock at all.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from constructs import Construct

from alicloud_ml._cdk import LocalBackend, OssBackend, TerraformStack, cdk
from alicloud_ml.constructs.buckets import private_bucket
from alicloud_ml.errors import InputError
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.state import StateBackendProps
from alicloud_ml.provider.ots import OtsInstance, OtsTable, OtsTablePrimaryKey

LOCK_PRIMARY_KEY = "LockID"  # the OSS backend's lock table layout: one String primary key named LockID

BackendKind = Literal["oss", "local"]


class StateBackend(Construct):
    """State bucket (private, versioned, encrypted) + Tablestore instance + `LockID` lock table.

    Put it in the bootstrap stack only. `prevent_destroy=True` (set when the bucket holds a
    production environment's state) makes Terraform refuse any plan that would delete the bucket,
    the lock instance or the lock table. Attributes: `bucket`, `ots_instance`, `lock_table`, `props`.
    """

    def __init__(self, scope: Construct, id: str, *, props: StateBackendProps | Mapping[str, Any],
                 prevent_destroy: bool = False) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(StateBackendProps, props, self.node.path)
        tags = p.tags or None
        self.bucket = private_bucket(self, bucket=p.bucket, prevent_destroy=prevent_destroy, tags=tags)
        protect = cdk.TerraformResourceLifecycle(prevent_destroy=True) if prevent_destroy else None
        self.ots_instance = OtsInstance(self, "LockInstance", name=p.ots_instance_name, instance_type="HighPerformance",
                                        description="Terraform state locks", tags=tags, lifecycle=protect)
        self.lock_table = OtsTable(self, "LockTable", instance_name=self.ots_instance.name, table_name=p.lock_table,
                                   primary_key=[OtsTablePrimaryKey(name=LOCK_PRIMARY_KEY, type="String")],
                                   time_to_live=-1, max_version=1, lifecycle=protect)


#: Where local state lives by default: beside cdktf.json, never inside the synthesized output.
DEFAULT_LOCAL_STATE_DIR = Path(".alicloud-ml") / "state"
#: Context key `alicloud_ml.synth` sets to the directory the output is published as (it synthesizes
#: into a staging directory beside it first).
OUTDIR_CONTEXT = "alicloud-ml:outdir"


def configure_backend(stack: TerraformStack, props: StateBackendProps, *, key: str,
                      kind: BackendKind = "oss", local_dir: str | Path | None = None) -> OssBackend | LocalBackend:
    """Give `stack` its backend: `oss` (locked, encrypted, private) or `local` (emulator, laptops).

    A local state file lives in `local_dir` (default `.alicloud-ml/state` under the working
    directory) and is written into `cdk.tf.json` relative to the stack's own directory, so the
    synthesized JSON names no absolute path of this machine and the project can move. State
    inside the synthesized output would be deleted by the next synth (and the next deploy would
    recreate everything), so that is refused.
    """
    if kind == "oss":
        return OssBackend(stack, **props.backend_settings(key))
    app = stack.node.root
    outdir = Path(str(stack.node.try_get_context(OUTDIR_CONTEXT) or app.outdir)).resolve()  # type: ignore[attr-defined]
    directory = Path(local_dir or DEFAULT_LOCAL_STATE_DIR).resolve()
    if directory == outdir or outdir in directory.parents:
        raise InputError(str(directory), "local_dir", f"local state would live inside the synth output {outdir}, "
                         "which every synth replaces", "a directory outside it, e.g. .alicloud-ml/state")
    stack_dir = Path(str(app.outdir)).resolve() / "stacks" / stack.node.id  # type: ignore[attr-defined]
    return LocalBackend(stack, path=os.path.relpath(directory / f"terraform.{stack.node.id}.tfstate", stack_dir))
