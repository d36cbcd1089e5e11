"""Bulk synthesis (what `alicloud_ml.synth` uses) writes exactly what cdktf's per-resource callbacks write."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from alicloud_ml._bulk import bulk_synthesis, deep_merge
from alicloud_ml._cdk import App, TerraformOutput, TerraformStack
from alicloud_ml.provider import AlicloudProvider
from alicloud_ml.provider.vpc import Vpc, Vswitch

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def synth_both(tmp_path: Path, build) -> tuple[dict, dict]:
    """The same app synthesized the plain way and in bulk, as {stack: cdk.tf.json}."""
    plain = App(outdir=str(tmp_path / "plain"))
    build(plain)
    plain.synth()
    with bulk_synthesis() as bulk:
        bulked = App(outdir=str(tmp_path / "bulk"))
        build(bulked)
    bulk.prepare(bulked)
    bulked.synth()
    bulk.complete(bulked, tmp_path / "bulk")

    def load(out: Path) -> dict:
        return {p.parent.name: json.loads(p.read_text()) for p in out.glob("stacks/*/cdk.tf.json")}

    return load(tmp_path / "plain"), load(tmp_path / "bulk")


def test_reference_platform_synthesizes_identically_in_bulk(tmp_path):
    from stacks.ml_platform import build_app

    plain, bulked = synth_both(tmp_path, lambda app: build_app(app, backend="oss"))
    assert set(plain) == {"ml-state", "ml-dev", "ml-staging", "ml-prod"}
    assert bulked == plain


def test_overrides_meta_arguments_and_cross_stack_references_survive_bulk_synthesis(tmp_path):
    def build(app):
        network = TerraformStack(app, "network")
        AlicloudProvider(network, "alicloud", region="cn-shanghai")
        vpc = Vpc(network, "vpc", cidr_block="10.0.0.0/16")
        vpc.add_override("tags", {"owner": "ml"})
        compute = TerraformStack(app, "compute")
        AlicloudProvider(compute, "alicloud", region="cn-shanghai")
        vsw = Vswitch(compute, "vsw", vpc_id=vpc.id, cidr_block="10.0.1.0/24", zone_id="cn-shanghai-b",
                      depends_on=[], lifecycle={"prevent_destroy": True})
        TerraformOutput(compute, "vsw_id", value=vsw.id)

    plain, bulked = synth_both(tmp_path, build)
    assert bulked == plain
    vsw = bulked["compute"]["resource"]["alicloud_vswitch"]["vsw"]
    assert vsw["cidr_block"] == "10.0.1.0/24" and vsw["lifecycle"] == {"prevent_destroy": True}
    assert "data" in bulked["compute"]  # the cross-stack reference became remote state
    assert bulked["network"]["resource"]["alicloud_vpc"]["vpc"]["tags"] == {"owner": "ml"}


def test_deep_merge_follows_cdktf_rules():
    merged = deep_merge({"a": {"x": 1}, "l": [1], "s": "old"}, {"a": {"y": 2}, "l": [2], "s": "new"})
    assert merged == {"a": {"x": 1, "y": 2}, "l": [1, 2], "s": "new"}
