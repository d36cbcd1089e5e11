"""One class per failing test, saying where the fix lies (the brief's four families, the emulator's split up).

- the replayer could not evaluate the test (`NOT_EVALUABLE`), or the test needs a provider that is not
  mirrored (`NEEDS_PROVIDER`): not judged;
- the test needs what only the provider team's account holds (`NEEDS_ACCOUNT`): values from environment
  variables the replay leaves empty, a second account (provider factories);
- the test is broken upstream (`UPSTREAM`), with the evidence in the message: configs the DSL renders into
  invalid HCL, checks of the DSL's literal markers;
- an emulator defect, by what broke: a data source it does not answer, a schema or cloud-check refusal, a
  check on state, a re-plan that is not empty, an import that differs, a destroy, a crash.
"""

from __future__ import annotations

import re
from typing import Any

from alicloud_ml.acceptance.suite import AccTest
from alicloud_ml.emulator.data_sources.listing import resource_type_for
from alicloud_ml.fidelity import classify as fidelity

NOT_EVALUABLE = "replayer could not evaluate"
NEEDS_PROVIDER = "needs another provider"
NEEDS_ACCOUNT = "needs the provider team's account"
UPSTREAM = "test broken upstream"
UNSERVED = "emulator: unserved data source"
SCHEMA = "emulator: schema rejection"
CLOUD = "emulator: cloud-check false positive"
CHECK = "emulator: state check failed"
DRIFT = "emulator: plan not empty after apply"
IMPORT = "emulator: import differs"
DESTROY = "emulator: destroy"
EXPECTED_ERROR = "emulator: expected error not raised"
CRASH = "emulator: crash"
OTHER = "emulator: other"
#: Classes that say nothing about the emulator: the test is not counted in pass rates.
NOT_JUDGED = (NOT_EVALUABLE, NEEDS_PROVIDER)
CLASSES = (NOT_EVALUABLE, NEEDS_PROVIDER, NEEDS_ACCOUNT, UPSTREAM, UNSERVED, SCHEMA, CLOUD, CHECK, DRIFT, IMPORT,
           DESTROY, EXPECTED_ERROR, CRASH, OTHER)

_FROM_FIDELITY = {fidelity.UNSERVED: UNSERVED, fidelity.SCHEMA: SCHEMA, fidelity.CLOUD: CLOUD,
                  fidelity.CRASH: CRASH, fidelity.NEEDS_PROVIDER: NEEDS_PROVIDER, fidelity.DRIFT: DRIFT,
                  fidelity.OTHER: OTHER}
#: Terraform's own refusals of text the DSL renders (service_alicloud_common_test.go valueConvert writes a
#: nested map as `key = {...}` and strings unescaped): the same config fails on the provider team's runner.
_UPSTREAM_SYNTAX = re.compile(r"^(Unsupported argument|Invalid multi-line string|Missing newline after argument"
                              r"|Unterminated template string|Invalid character|Argument or block definition "
                              r"required|Invalid expression|Missing item separator|Unclosed configuration block"
                              r"|Missing key/value separator|Invalid reference|Extra characters after interpolation "
                              r"expression|Duplicate (argument|resource|data|variable|output|local|provider|module).*)$")
_BLOCK_AS_ATTRIBUTE = re.compile(r"Did you mean to define a block of type")
_ACCOUNT = re.compile(r"NODELETING|preserved|default-NODELETING", re.I)
_MARKER = re.compile(r"#(REMOVEKEY|CLEARMAP|CLEARLIST)")
_FOREIGN_ZONE = re.compile(r"zone_id (\S+) is not a zone of region (\S+)")
_STEP = re.compile(r"^step \w+ \([\w ]+\): ")
#: "data.alicloud_esa_sites.default.sites is empty list of object: Invalid index": a listing that came back
#: shorter than the test assumes. Of a type Terraform creates, the account held those objects before the test.
_SHORT_LISTING = re.compile(r"\bdata\.(alicloud_\w+)\.\w+\.\w+ is (empty list|list of \w+ with \d+ elements?)")


def error_class(diagnostic: dict[str, Any], step: str) -> str:
    """The class of one Terraform error diagnostic."""
    summary = diagnostic.get("summary") or ""
    detail = diagnostic.get("detail") or ""
    if _UPSTREAM_SYNTAX.match(summary) and (summary != "Unsupported argument" or _BLOCK_AS_ATTRIBUTE.search(detail)):
        return UPSTREAM
    return _FROM_FIDELITY.get(fidelity.error_class(diagnostic, step), OTHER)


def worst(diagnostics: list[dict[str, Any]], step: str) -> tuple[str, dict[str, Any]]:
    """The class of a failing command's errors (the most telling one first) and that diagnostic."""
    ranked = sorted(diagnostics, key=lambda d: CLASSES.index(error_class(d, step)))
    return error_class(ranked[0], step), ranked[0]


def one_line(diagnostic: dict[str, Any]) -> str:
    return fidelity.one_line(diagnostic)


def refine(klass: str, message: str, test: AccTest) -> str:
    """The class a failure deserves beyond its first diagnostic, in this order.

    1. A DSL marker as a value (`#REMOVEKEY` inside a nested map, or for a key the map never had, stays a
       literal: service_alicloud_common_test.go:306 and :440), or HCL Terraform cannot parse: upstream's.
    2. A test that read an environment variable the replay leaves empty: the provider team's account.
    3. A config that hard-codes a zone of a region the test never selects: upstream's (it passes only in the
       team's job for that region).
    4. A failure naming the team's preserved objects, or a listing of objects Terraform creates that came back
       short: the team's account (seed them: tests/emulator/fidelity/provider-test-account.toml)."""
    summary = _STEP.sub("", message).split(": ", 1)[0].split(" (", 1)[0]
    if _MARKER.search(message) or (klass in (OTHER, SCHEMA) and _UPSTREAM_SYNTAX.match(summary)
                                   and summary != "Unsupported argument"):
        return UPSTREAM
    if klass in (UPSTREAM, CRASH):
        return klass
    if test.env:
        return NEEDS_ACCOUNT
    zone = _FOREIGN_ZONE.search(message)
    if zone and not zone.group(1).startswith(zone.group(2)) and any(f'"{zone.group(1)}"' in c for c in test.configs()):
        return UPSTREAM
    short = _SHORT_LISTING.search(message)
    if _ACCOUNT.search(message) or (short and resource_type_for(short.group(1)) is not None):
        return NEEDS_ACCOUNT
    return klass
