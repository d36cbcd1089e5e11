"""ALIML_025: a function's code package can import its dependencies on the runtime it is deployed to.

Stack-level. The toolkit's function constructs upload their code package as an `alicloud_oss_bucket_object`
whose `"//".alicloud_ml.code_package` says what the package cannot import on its runtime: extension modules
built for the synthesizing interpreter, with no pure-Python stand-in (cffi's `_cffi_backend` on python3.12
when the python3.12 wheels could not be fetched; `alicloud_ml/constructs/_fc_package.py`).
PASS: nothing missing, or the stack keeps local state (the offline emulator, which never runs function code:
`alicloud_ml.deploy_target`).  FAIL: a stack for a real account would deploy a function that fails on import.
"""

from __future__ import annotations

from alicloud_ml.policies.model import PolicyCheck, Result, Severity, StackFinding
from alicloud_ml.policies.values import mapping
from alicloud_ml.synthesized import Stack

CHECK = PolicyCheck(
    id="ALIML_025",
    severity=Severity.HIGH,
    title="Ensure function code packages import on their runtime",
    why="A package built from another interpreter's extensions deploys cleanly and then fails every invocation "
        "with ImportError (cryptography without a python3.12 _cffi_backend), so the function silently never runs.",
    fix="Synthesize once with access to your package index (the toolkit fetches the python3.12 wheels into its "
        "cache; make install does it), or set ALICLOUD_ML_FC_SITE_PACKAGES to a pip --target directory built "
        "with --python-version 3.12 --platform manylinux2014_x86_64 --only-binary=:all:.",
    resource_types=("alicloud_oss_bucket_object",),
    stack_level=True,
)


def _local_state(stack: Stack) -> bool:
    return "local" in mapping(mapping(stack.data, "terraform"), "backend")


def evaluate_stack(stack: Stack) -> list[StackFinding]:
    emulator = _local_state(stack)
    out = []
    for obj in stack.of_type("alicloud_oss_bucket_object"):
        package = mapping(mapping(obj.meta, "alicloud_ml"), "code_package")
        if not package:
            continue
        missing = [str(m) for m in package.get("unavailable_on_target") or []]
        if not missing or emulator:
            out.append(StackFinding(obj.address, Result.passed(), obj.path))
            continue
        why = str(package.get("note") or "it was built from the synthesizing interpreter's packages")
        out.append(StackFinding(obj.address, Result.failed(
            f"the code package cannot import {', '.join(missing)} on {package.get('runtime', 'its runtime')}: {why}",
            field="source"), obj.path))
    return out
