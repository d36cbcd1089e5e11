"""The picture of a change in the review: changed boxes and neighbours, coloured, bounded, parsed by Mermaid."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET

from alicloud_ml.catalog.pricing import PriceBook
from alicloud_ml.cli import main
from alicloud_ml.diagram.change import MAX_CHANGED, MAX_NODES, change_diagram
from alicloud_ml.diagram.mermaid import to_mermaid
from alicloud_ml.diagram.source import plan_references
from alicloud_ml.review import markdown
from alicloud_ml.review.compose import build
from alicloud_ml.review.cost import CostModel
from alicloud_ml.review.diff import diff_synth
from alicloud_ml.review.model import Action
from alicloud_ml.review.plan import load_plan
from alicloud_ml.review.policy import delta
from alicloud_ml.synthesized import load_synth
from tests.review.helpers import CPFS, POOL, body, changed, platform, write_synth

from .conftest import REPO, parse_mermaid

_MERMAID_BLOCK = re.compile(r"```mermaid\n(.*?)```", re.S)


def _changes(tmp_path, base, head, stack="ml-dev"):
    (sc,) = diff_synth(load_synth(write_synth(tmp_path / "base", {stack: base})),
                       load_synth(write_synth(tmp_path / "head", {stack: head})))
    return sc


def _comment(sc) -> str:
    return markdown.render(build([sc], CostModel(PriceBook()), {"kind": "synth"}, delta([], [])))


def test_cpfs_storage_type_change_draws_the_replacement_as_destructive_and_mermaid_parses_it(reference, tmp_path):
    # GIVEN dev as synthesized, and dev with CPFS advance_100 -> advance_200 (what docs/diagrams shows)
    base = reference["ml-dev"]
    head_data = copy.deepcopy(dict(base.data))
    (name,) = [n for n in head_data["resource"][CPFS]]
    head_data["resource"][CPFS][name]["storage_type"] = "advance_200"
    out = tmp_path / "head" / "stacks" / "ml-dev"
    out.mkdir(parents=True)
    (out / "cdk.tf.json").write_text(json.dumps(head_data))
    (sc,) = diff_synth({"ml-dev": base}, load_synth(out / "cdk.tf.json"))
    # WHEN the review renders its comment
    text = _comment(sc)
    (block,) = _MERMAID_BLOCK.findall(text)
    # THEN the file system is a destructive replacement naming the argument, its mount target follows it,
    # and Mermaid's parser accepts the block
    fs_line = next(line for line in block.splitlines() if "CPFS file system" in line)
    assert "⚠ -/+ replace: data loss" in fs_line and "storage_type: advance_100 → advance_200 (forces replacement)" in fs_line
    fs_id = fs_line.strip().split("[")[0]
    assert re.search(rf"class [\w,]*\b{fs_id}\b[\w,]* destructive", block)
    assert "follows the replaced CPFS file system" in block
    assert parse_mermaid({"cpfs": block})["cpfs"]["ok"]


def test_each_action_gets_its_class_and_unchanged_neighbours_are_context(tmp_path):
    base = platform()
    head = changed(base, POOL, desired_size="3")                               # update
    head = changed(head, CPFS, storage_type="advance_200")                       # replace
    head["alicloud_security_group"]["New"] = body("ml-dev/Platform/New/Resource", security_group_name="new")
    del head["alicloud_pai_service"]                                              # destroy
    d = change_diagram(_changes(tmp_path, base, head))
    assert d is not None
    actions = {n.name: n.action for n in d.nodes.values() if n.action is not None}
    assert actions == {"inference": Action.UPDATE, "Storage/Cpfs": Action.REPLACE, "new": Action.CREATE,
                       "fraud": Action.DELETE}
    context = {n.name for n in d.nodes.values() if n.context}
    assert "ml" in context and "training" in context  # the pool's cluster and security group
    text = to_mermaid(d)
    for name in ("create", "update", "replace", "destroy", "destructive", "context"):
        assert f"classDef {name} " in text
    assert parse_mermaid({"actions": text})["actions"]["ok"]


def test_a_satellite_change_shows_as_an_update_of_its_owner(tmp_path):
    base = platform()
    head = copy.deepcopy(base)
    head["alicloud_security_group_rule"] = {"Rule": body("ml-dev/Platform/Security/Training/Rule", type="ingress",
        ip_protocol="tcp", port_range="22/22", cidr_ip="10.0.0.0/8",
        security_group_id="${alicloud_security_group.Platform_Security_Training_Resource_C3.id}")}
    d = change_diagram(_changes(tmp_path, base, head))
    assert d is not None
    (node,) = [n for n in d.nodes.values() if n.action is not None]
    assert (node.kind, node.action, node.facts) == ("Security group", Action.UPDATE,
                                                    ["created: 1 × security group rule"])


def test_a_huge_change_is_cut_to_a_bounded_picture_with_a_note(tmp_path):
    pools = {f"Pool{i}": body(f"ml-prod/Team{i}/GpuPool/Resource", node_pool_name=f"team{i}", desired_size="1",
                              instance_types=["ecs.gn7i-c16g1.4xlarge"]) for i in range(120)}
    grown = {name: {**b, "desired_size": "2"} for name, b in pools.items()}
    d = change_diagram(_changes(tmp_path, {POOL: pools}, {POOL: grown}, "ml-prod"))
    assert d is not None
    assert len([n for n in d.nodes.values() if n.action]) == MAX_CHANGED and len(d.nodes) <= MAX_NODES
    assert d.notes == [f"Not drawn, to keep the picture readable: {120 - MAX_CHANGED} more changed resource boxes; "
                       "every change is listed below."]
    comment = _comment(_changes(tmp_path / "again", {POOL: pools}, {POOL: grown}, "ml-prod"))
    assert "<sub>Not drawn, to keep the picture readable: 96 more changed resource boxes" in comment


def test_no_change_means_no_diagram(tmp_path):
    base = platform()
    assert change_diagram(_changes(tmp_path, base, copy.deepcopy(base))) is None


def _plan(tmp_path):
    """A `terraform show -json` document: the vSwitch replaced, its references only in `configuration`."""
    doc = {
        "format_version": "1.2",
        "resource_changes": [
            {"address": "alicloud_vpc.main", "mode": "managed", "type": "alicloud_vpc", "name": "main",
             "change": {"actions": ["no-op"], "before": {"vpc_name": "ml", "cidr_block": "10.0.0.0/16"},
                        "after": {"vpc_name": "ml", "cidr_block": "10.0.0.0/16"}}},
            {"address": "alicloud_vswitch.a", "mode": "managed", "type": "alicloud_vswitch", "name": "a",
             "change": {"actions": ["delete", "create"], "before": {"zone_id": "cn-shanghai-b", "cidr_block": "10.0.1.0/24"},
                        "after": {"zone_id": "cn-shanghai-g", "cidr_block": "10.0.1.0/24"},
                        "replace_paths": [["zone_id"]], "after_unknown": {"id": True, "vpc_id": True}}},
            {"address": "alicloud_nas_file_system.cpfs", "mode": "managed", "type": "alicloud_nas_file_system",
             "name": "cpfs", "change": {"actions": ["no-op"], "before": {"storage_type": "advance_100"},
                                        "after": {"storage_type": "advance_100"}}},
        ],
        "configuration": {"root_module": {"resources": [
            {"address": "alicloud_vswitch.a", "mode": "managed", "type": "alicloud_vswitch", "name": "a",
             "expressions": {"vpc_id": {"references": ["alicloud_vpc.main.id", "alicloud_vpc.main"]}}},
            {"address": "alicloud_nas_file_system.cpfs", "mode": "managed", "type": "alicloud_nas_file_system",
             "name": "cpfs", "expressions": {"vswitch_id": {"references": ["alicloud_vswitch.a.id", "alicloud_vswitch.a"]},
                                            "vpc_id": {"references": ["alicloud_vpc.main.id", "alicloud_vpc.main"]}}},
        ]}},
        "planned_values": {"root_module": {"resources": []}},
    }
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc))
    return path


def test_a_plans_change_diagram_takes_references_from_its_configuration(tmp_path):
    path = _plan(tmp_path)
    sc = load_plan(path, "ml-dev")
    assert plan_references(path)["alicloud_nas_file_system.cpfs"] == [("vswitch_id", "alicloud_vswitch.a"),
                                                                      ("vpc_id", "alicloud_vpc.main")]
    sc.references = plan_references(path)
    d = change_diagram(sc, sc.references)
    assert d is not None
    vswitch = next(n for n in d.nodes.values() if n.kind == "vSwitch")
    fs = next(n for n in d.nodes.values() if n.kind == "CPFS file system")
    assert vswitch.action is Action.REPLACE and fs.context  # what sits on the replaced vSwitch is its neighbour
    assert d.groups[d.groups[fs.group].parent].label == "Zone cn-shanghai-g"  # the tier box CPFS, in the zone
    assert [g.label for g in d.groups.values() if g.kind == "vpc"] == ["VPC ml · 10.0.0.0/16"]


def test_review_format_svg_draws_the_change(tmp_path, capsys, graphviz_dot):
    base = platform()
    b = write_synth(tmp_path / "base", {"ml-dev": base})
    h = write_synth(tmp_path / "head", {"ml-dev": changed(base, CPFS, storage_type="advance_200")})
    target = tmp_path / "change.svg"
    try:
        main(["review", "--base", str(b), "--head", str(h), "--no-policy", "--format", "svg", "--output", str(target)])
    except SystemExit as exc:
        assert exc.code == 0
    svg = ET.fromstring(target.read_text())
    text = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "⚠ -/+ replace: data loss" in text and "CPFS file system" in text and "CPFS" in text


def test_the_docs_change_page_and_the_golden_comment_parse_with_mermaid():
    pages = {"docs page": (REPO / "docs/diagrams/review-cpfs-storage-type.md").read_text(),
             "golden comment": (REPO / "tests/review/golden/realistic_change.md").read_text()}
    blocks = {name: _MERMAID_BLOCK.findall(text)[0] for name, text in pages.items()}
    assert all(v["ok"] for v in parse_mermaid(blocks).values())
