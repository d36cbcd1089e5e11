"""What each shipped handler calls, as RAM requests: the declarations each handler keeps beside its code.

The gate (ALIML_027) compares each function's role policy with its handler's declaration before deploy,
and the handlers' tests run against loopback servers that evaluate the same role policy
(`alicloud_ml.ram_policy`), so a permission missing from a construct fails both, not only the cloud.
A resource is an ARN template: `{region}`, `{account}` and the handler's own names in braces.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

#: handler package -> the module holding its REQUIRED_PERMISSIONS and MARKER_ENV (plain data, since a
#: handler package ships alone in its function's code package)
DECLARATIONS = {
    "alicloud_ml.handlers.rag_ingest": "alicloud_ml.handlers.rag_ingest.permissions",
    "alicloud_ml.handlers.notebook_reaper": "alicloud_ml.handlers.notebook_reaper.dsw",
}


@dataclass(frozen=True)
class Permission:
    action: str
    resource: str
    why: str


@dataclass(frozen=True)
class HandlerPermissions:
    handler: str
    #: an environment variable the handler requires, which marks a function as running this handler
    marker: str
    permissions: tuple[Permission, ...]


def registered() -> tuple[HandlerPermissions, ...]:
    """Every shipped handler's declaration."""
    out = []
    for handler, module_name in DECLARATIONS.items():
        module = importlib.import_module(module_name)
        out.append(HandlerPermissions(handler, module.MARKER_ENV,
                                      tuple(Permission(*p) for p in module.REQUIRED_PERMISSIONS)))
    return tuple(out)
