"""ALIML_024: a registry whose internet endpoint admits 0.0.0.0/0 is flagged (medium); VPC-only and narrow ACLs pass."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from alicloud_ml.policies.checks.registry_endpoint_not_world_open import CHECK, evaluate
from alicloud_ml.policies.model import Severity
from alicloud_ml.synthesized import Resource
from alicloud_ml.policies.severities import project_severities
from tests.policies import fixtures as fx

INSTANCE = "${alicloud_cr_ee_instance.registry.id}"
ENDPOINT = "alicloud_cr_internet_endpoint"
ACL = "alicloud_cr_endpoint_acl_policy"


def _entries(*cidrs: str) -> dict:
    return {"instance_id": INSTANCE, "entries": [{"entry": c, "comment": "x"} for c in cidrs]}


def _acl(entry: str, endpoint_type: str = "internet") -> dict:
    return {"instance_id": INSTANCE, "entry": entry, "endpoint_type": endpoint_type, "module_name": "Registry"}


FAILING = {ENDPOINT: {"fail_world": _entries("203.0.113.0/24", "0.0.0.0/0"), "fail_no_entries": _entries(),
                      "fail_ipv6_world": _entries("::/0")},
           ACL: {"fail_acl_world": _acl("0.0.0.0/0")}}
PASSING = {ENDPOINT: {"pass_office": _entries("203.0.113.0/24", "198.51.100.7/32")},
           ACL: {"pass_acl_office": _acl("203.0.113.0/24"), "na_vpc_acl": _acl("0.0.0.0/0", "vpc")},
           "alicloud_cr_ee_instance": {"registry": {"instance_name": "ml-dev-abcde", "instance_type": "Standard",
                                                    "payment_type": "Subscription"}}}


def _resource(rtype: str, attrs: dict) -> Resource:
    return Resource(type=rtype, name="subject", attrs=attrs)


def test_check_is_medium_in_the_table():
    assert CHECK.severity is Severity.MEDIUM and project_severities()["ALIML_024"] is Severity.MEDIUM


def test_world_open_or_entry_less_internet_endpoints_fail_and_narrow_ones_pass():
    for attrs in FAILING[ENDPOINT].values():
        assert evaluate(_resource(ENDPOINT, attrs)).status == "failed"
    assert evaluate(_resource(ACL, FAILING[ACL]["fail_acl_world"])).status == "failed"
    assert evaluate(_resource(ENDPOINT, PASSING[ENDPOINT]["pass_office"])).status == "passed"
    assert evaluate(_resource(ACL, PASSING[ACL]["pass_acl_office"])).status == "passed"
    assert evaluate(_resource(ACL, PASSING[ACL]["na_vpc_acl"])).status == "not_applicable"
    failed = evaluate(_resource(ENDPOINT, FAILING[ENDPOINT]["fail_world"]))
    assert (failed.field, "0.0.0.0/0" in failed.message) == ("entries[1].entry", True)


def test_gate_flags_exactly_the_world_open_registries_with_their_construct_path(tmp_path, warm_gate):
    resources = {t: {**FAILING.get(t, {}), **PASSING.get(t, {})} for t in {*FAILING, *PASSING}}
    out = fx.write_outdir(tmp_path, {"ml-dev": fx.stack_doc(resources)})

    report = warm_gate.run_gate(out, fail_on="low")

    failed = {f.address.split(".", 1)[1]: f for f in report.findings if f.check_id == "ALIML_024" and f.status == "failed"}
    passed = {f.address.split(".", 1)[1] for f in report.findings if f.check_id == "ALIML_024" and f.status == "passed"}
    assert report.parse_errors == []
    assert set(failed) == {"fail_world", "fail_no_entries", "fail_ipv6_world", "fail_acl_world"}
    assert passed == {"pass_office", "pass_acl_office"}
    assert failed["fail_world"].construct_path == "ml-dev/Fixture/fail_world"
    severity = failed["fail_world"].severity
    assert getattr(severity, "value", severity) == "medium"


def test_medium_finding_blocks_only_at_fail_on_medium(tmp_path, warm_gate):
    from alicloud_ml.cli import app

    failing = fx.write_outdir(tmp_path / "failing", {"ml-dev": fx.stack_doc(FAILING)})
    passing = fx.write_outdir(tmp_path / "passing", {"ml-dev": fx.stack_doc(PASSING)})
    runner = CliRunner()

    blocked = runner.invoke(app, ["check", str(failing), "--fail-on", "medium", "--format", "json"])
    default = runner.invoke(app, ["check", str(failing), "--format", "json"])
    clean = runner.invoke(app, ["check", str(passing), "--fail-on", "medium", "--format", "json"])

    assert blocked.exit_code == 1, blocked.output
    assert default.exit_code == 0, default.output  # medium is printed, not blocking, at the default --fail-on high
    assert clean.exit_code == 0, clean.output
    assert "ALIML_024" in blocked.output and json.loads(clean.output)


def test_the_platforms_default_registry_has_no_internet_endpoint_to_flag(tmp_path):
    from alicloud_ml._cdk import App
    from tests.constructs.conftest import REPO  # noqa: F401  (puts the repository on sys.path for `stacks`)
    from stacks.ml_platform import build_app

    app = App(outdir=str(tmp_path))
    build_app(app, ["dev"], backend="local")
    app.synth()
    doc = json.loads((tmp_path / "stacks" / "ml-dev" / "cdk.tf.json").read_text())
    assert "alicloud_cr_ee_instance" in doc["resource"]
    assert ENDPOINT not in doc["resource"] and ACL not in doc["resource"]
