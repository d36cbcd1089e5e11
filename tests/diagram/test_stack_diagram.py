"""The picture of one stack: nesting, folded satellites, readable labels and meaningful edges."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET

import pytest

from alicloud_ml.diagram.build import build
from alicloud_ml.diagram.dot import render, to_dot
from alicloud_ml.diagram.mermaid import to_mermaid
from alicloud_ml.diagram.model import Diagram
from alicloud_ml.diagram.source import from_stack
from alicloud_ml.synthesized import load_synth

from tests.review.helpers import body, platform, write_synth

from .conftest import REPO, parse_mermaid

SVG = "{http://www.w3.org/2000/svg}"


def _diagram(reference, stack: str) -> Diagram:
    return build(from_stack(reference[stack]))


def _box(d: Diagram, label: str) -> str:
    (gid,) = [g.id for g in d.groups.values() if g.label == label]
    return gid


def _ancestors(d: Diagram, group: str | None) -> list[str]:
    out = []
    while group is not None:
        out.append(d.groups[group].label)
        group = d.groups[group].parent
    return out


def _node(d: Diagram, kind: str, name: str):
    (node,) = [n for n in d.nodes.values() if n.kind == kind and n.name == name]
    return node


def test_dev_nests_region_vpc_zone_and_puts_the_node_pools_inside_the_ack_cluster(reference):
    d = _diagram(reference, "ml-dev")
    pool = _node(d, "Node pool", "inference")
    assert _ancestors(d, pool.group) == ["ACK cluster ml-dev", "Zone cn-shanghai-b", "VPC ml-dev-vpc · 10.0.0.0/16",
                                         "Region cn-shanghai"]
    assert pool.facts == ["gn7i-c16g1.4xlarge ×1–6, tainted"]
    assert _node(d, "Node pool", "training").facts == ["ebmgn7ex.32xlarge +1 ×0–4, spot, tainted"]


def test_dev_folds_63_resources_into_a_picture_of_at_most_20_boxes(reference):
    d = _diagram(reference, "ml-dev")
    assert len(reference["ml-dev"].resources) == 63
    assert len(d.nodes) <= 20  # the model and function code buckets are boxes of their own
    folded = {m for n in d.nodes.values() for m in n.members}
    vpcs = {r.address for r in reference["ml-dev"].resources if r.type == "alicloud_vpc"}
    assert folded | vpcs == {r.address for r in reference["ml-dev"].resources}  # every resource is drawn once
    assert not [n for n in d.nodes.values() if n.kind in ("security group rule", "RAM policy", "SLS log store")]


def test_cpfs_sits_with_its_mount_target_in_its_zone(reference):
    d = _diagram(reference, "ml-prod")
    fs = _node(d, "CPFS file system", "ml training data")
    target = _node(d, "NFS mount target", "export /")
    assert fs.group == target.group and d.groups[fs.group].label == "CPFS"
    assert _ancestors(d, fs.group)[1] == "Zone cn-shanghai-b"
    assert fs.facts == ["advance_200 · 7200 GiB"]


def test_prod_cluster_spans_two_zones_so_it_sits_in_the_vpc_and_the_pinned_pool_names_its_zone(reference):
    d = _diagram(reference, "ml-prod")
    assert _ancestors(d, _box(d, "ACK cluster ml-prod"))[1] == "VPC ml-prod-vpc · 10.0.0.0/16"
    assert "zone cn-shanghai-b" in _node(d, "Node pool", "training").facts
    assert not [e for e in d.edges if e.kind == "place"]  # nesting says where things sit, not 8 edges to vSwitches


def test_staging_draws_the_rag_tier_with_its_oss_trigger_and_kms_key_in_one_box(reference):
    d = _diagram(reference, "ml-staging")
    rag = _box(d, "RAG tier")
    members = {n.kind for n in d.nodes.values() if n.group == rag}
    assert members == {"OSS bucket", "Function", "AnalyticDB vector store", "KMS key"}
    bucket = next(n for n in d.nodes.values() if n.kind == "OSS bucket" and "rag-docs" in n.name)  # not the code bucket
    function = next(n for n in d.nodes.values() if n.kind == "Function" and n.group == rag)
    (trigger,) = [e for e in d.edges if e.kind == "trigger"]
    assert (trigger.src, trigger.dst) == (bucket.id, function.id)
    assert trigger.label == "OSS ObjectCreated, ObjectRemoved"
    assert bucket.facts == ["versioned · SSE-KMS · no public access"]


def test_edges_carry_ports_and_service_accounts(reference):
    d = _diagram(reference, "ml-staging")
    labels = {(d.nodes[e.src].name, d.nodes[e.dst].name, e.kind): e.label for e in d.edges}
    assert labels[("inference", "ml-staging-serving", "member")] == "tcp 8080 from VPC"
    assert labels[("training", "ml-staging-training", "member")] == "tcp 10000–65535 from VPC"
    assert labels[("ml-staging-serving", "ml-staging", "trust")] == "RRSA ml-serving/serving"
    assert labels[("staging-fraud-detection-v1", "ml-staging-serving", "trust")] == "runs as"


def test_the_state_box_shows_the_stacks_oss_backend(reference):
    d = _diagram(reference, "ml-dev")
    suffix = tomllib.loads((REPO / "stacks" / "envs" / "dev.toml").read_text())["name_suffix"]  # committed
    state = _node(d, "OSS backend (bucket)", f"ml-tfstate-{suffix}")
    assert d.groups[state.group].label == "Terraform state"
    assert state.facts == ["state ml-platform/dev.tfstate", "locks in Tablestore table terraform_lock"]


def test_the_same_stack_gives_the_same_dot_and_mermaid_text(reference):
    first, second = _diagram(reference, "ml-staging"), _diagram(reference, "ml-staging")
    assert to_dot(first) == to_dot(second) and to_mermaid(first) == to_mermaid(second)


def test_staging_svg_holds_the_expected_clusters_and_nodes(reference, graphviz_dot):
    d = _diagram(reference, "ml-staging")
    svg = ET.fromstring(render(d, "svg"))
    groups = {g.get("class"): [] for g in svg.iter(f"{SVG}g")}
    for g in svg.iter(f"{SVG}g"):
        title = g.find(f"{SVG}title")
        texts = " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        groups.setdefault(g.get("class"), []).append((title.text if title is not None else "", texts))
    cluster_text = " | ".join(t for _, t in groups["cluster"])
    for label in ("Region cn-shanghai", "VPC ml-staging-vpc · 10.0.0.0/16", "Zone cn-shanghai-b",
                  "ACK cluster ml-staging", "CPFS", "PAI-EAS services", "RAG tier", "Container registry",
                  "Terraform state", "Observability", "RAM roles"):
        assert label in cluster_text, label
    nodes = dict(groups["node"])
    assert set(d.nodes) <= set(nodes) | {"legend"}
    pool = next(n for n in d.nodes.values() if n.name == "inference")
    assert "gn7i-c16g1.4xlarge ×0–4, tainted" in nodes[pool.id]
    assert len(groups["edge"]) == len([e for e in d.edges if e.kind != "layout"])  # layout edges are invisible


def test_every_reference_platform_diagram_parses_with_mermaids_own_parser(reference):
    texts = {name: to_mermaid(_diagram(reference, name)) for name in ("ml-dev", "ml-staging", "ml-prod")}
    texts["broken on purpose"] = "flowchart LR\n  a[x --> ]]] b\n"
    verdicts = parse_mermaid(texts)
    assert {k: v["ok"] for k, v in verdicts.items()} == {"ml-dev": True, "ml-staging": True, "ml-prod": True,
                                                         "broken on purpose": False}
    assert verdicts["ml-dev"]["type"].startswith("flowchart")


def test_names_with_quotes_brackets_and_hashes_cannot_break_the_mermaid(tmp_path):
    stack = platform()
    (vpc,) = stack["alicloud_vpc"]
    stack["alicloud_vpc"][vpc]["vpc_name"] = 'ml "prod" [#1] <a>|b'
    stack["alicloud_security_group"]["Odd"] = body("ml-dev/Platform/Odd/Resource", security_group_name="end")
    d = build(from_stack(load_synth(write_synth(tmp_path / "out", {"ml-dev": stack}))["ml-dev"]))
    text = to_mermaid(d)
    assert 'VPC ml #quot;prod#quot; [#35;1] #lt;a#gt;#124;b' in text
    assert parse_mermaid({"odd": text})["odd"]["ok"]


@pytest.mark.parametrize("value", ["${var.zones}", "[{}]", "each.value.name"])
def test_expressions_never_reach_a_label(tmp_path, value):
    stack = platform()
    (pool,) = stack["alicloud_cs_kubernetes_node_pool"]
    stack["alicloud_cs_kubernetes_node_pool"][pool].update(node_pool_name=value, instance_types=value)
    d = build(from_stack(load_synth(write_synth(tmp_path / "out", {"ml-dev": stack}))["ml-dev"]))
    text = to_dot(d)
    assert value not in text and not re.search(r"\$\{", text)
