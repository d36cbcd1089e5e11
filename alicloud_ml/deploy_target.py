"""Where a stack keeps its state for this deploy: OSS in a real account, a local file in the emulator.

The choice is made outside the code, by the deploy target: `make deploy` (and a team app's
Makefile from `alicloud-ml init --app`) sets ALICLOUD_ML_BACKEND=local for the offline emulator,
whose Terraform cannot reach OSS. Local state is then suppressed for ALIML_015 with its reason,
so the gate still blocks a local backend that nobody chose.
"""

from __future__ import annotations

import os
from pathlib import Path

from alicloud_ml._cdk import TerraformStack
from alicloud_ml.constructs.state import DEFAULT_LOCAL_STATE_DIR, BackendKind, configure_backend
from alicloud_ml.props.state import StateBackendProps
from alicloud_ml.errors import InputError
from alicloud_ml.policies import suppress

BACKEND_ENV_VAR = "ALICLOUD_ML_BACKEND"
LOCAL_STATE_ENV_VAR = "ALICLOUD_ML_LOCAL_STATE_DIR"
BACKENDS: tuple[BackendKind, ...] = ("oss", "local")
LOCAL_STATE_REASON = ("local state is the offline emulator / laptop mode (ALICLOUD_ML_BACKEND=local); "
                      "cloud deploys use the OSS backend with Tablestore locking")


def resolve_backend(backend: str | None = None) -> BackendKind:
    """`backend` if given, else $ALICLOUD_ML_BACKEND, else `oss`."""
    value = (backend or os.environ.get(BACKEND_ENV_VAR) or "oss").strip().lower()
    if value not in BACKENDS:
        raise InputError(BACKEND_ENV_VAR if backend is None else "backend", "", f"invalid value {value!r}",
                         ", ".join(BACKENDS))
    return value  # type: ignore[return-value]


def local_state_dir() -> Path:
    """Where local state files live: $ALICLOUD_ML_LOCAL_STATE_DIR, else `.alicloud-ml/state` in the project.

    Never inside cdktf.out, which every synth replaces (configure_backend refuses that).
    """
    return Path(os.environ.get(LOCAL_STATE_ENV_VAR) or DEFAULT_LOCAL_STATE_DIR)


def configure_stack_backend(stack: TerraformStack, props: StateBackendProps, *, key: str,
                            backend: str | None = None) -> BackendKind:
    """Give `stack` the backend this deploy target uses; local state carries its ALIML_015 reason."""
    kind = resolve_backend(backend)
    configure_backend(stack, props, key=key, kind=kind, local_dir=local_state_dir())
    if kind == "local":
        suppress(stack, "ALIML_015", reason=LOCAL_STATE_REASON)
    return kind
