"""Every generated module, in the order `modules/README.md` lists them (dependencies first)."""

from __future__ import annotations

from collections.abc import Callable

from alicloud_ml.hcl import specs, specs_compute, specs_data
from alicloud_ml.hcl.spec import ModuleSpec

SPECS: dict[str, Callable[[], ModuleSpec]] = {
    "ml-network": specs.network_spec,
    "training-security-group": lambda: specs.group_spec("training"),
    "serving-security-group": lambda: specs.group_spec("serving"),
    "ack-cluster": specs_compute.cluster_spec,
    "system-node-pool": specs_compute.system_pool_spec,
    "gpu-node-pool": specs_compute.gpu_pool_spec,
    **specs_data.all_data_specs(),
}


def all_specs() -> list[ModuleSpec]:
    return [build() for build in SPECS.values()]
