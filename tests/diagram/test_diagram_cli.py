"""`alicloud-ml diagram` through the console entry point: formats, inputs and one-line bad-input errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.review.helpers import platform, write_synth
from tests.review.test_review_cli import run

from .conftest import REPO, parse_mermaid


def test_env_dev_writes_an_svg_of_the_ml_dev_stack(tmp_path, capsys, monkeypatch, graphviz_dot):
    monkeypatch.chdir(REPO)
    target = tmp_path / "dev.svg"
    code, _, err = run(["diagram", "--env", "dev", "-o", str(target)], capsys)
    assert code == 0, err
    svg = ET.fromstring(target.read_text())
    text = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "ml-dev · cn-shanghai" in text and "ACK cluster ml-dev" in text and "gn7i-c16g1.4xlarge ×1–6, tainted" in text


def test_unknown_env_is_exit_2_with_one_line_naming_the_envs(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    code, out, err = run(["diagram", "--env", "qa"], capsys)
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0
    assert "--env: unknown env 'qa'" in err and "accepted: dev, prod, staging" in err


def test_unreadable_plan_is_exit_2_with_one_line(tmp_path, capsys):
    plan = tmp_path / "plan.json"
    plan.write_bytes(b"\x00binary plan, not json")
    code, out, err = run(["diagram", str(plan), "--format", "mermaid"], capsys)
    assert code == 2 and out == "" and err.strip().count("\n") == 0
    assert str(plan) in err and "the output of `terraform show -json PLANFILE`" in err


def test_several_stacks_need_a_stack_choice(tmp_path, capsys):
    out_dir = write_synth(tmp_path / "out", {"ml-dev": platform(), "ml-prod": platform("ml-prod")})
    code, _, err = run(["diagram", str(out_dir), "--format", "dot"], capsys)
    assert code == 2 and "choose one; accepted: ml-dev, ml-prod" in err
    code, out, _ = run(["diagram", str(out_dir), "--stack", "ml-prod", "--format", "dot"], capsys)
    assert code == 0 and out.startswith("digraph platform {") and "ml-prod" in out


def test_without_dot_svg_fails_in_one_line_and_mermaid_still_works(tmp_path, capsys, monkeypatch):
    out_dir = write_synth(tmp_path / "out", {"ml-dev": platform()})
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # no `dot` anywhere
    code, out, err = run(["diagram", str(out_dir), "-o", str(tmp_path / "x.svg")], capsys)
    assert code == 2 and err.strip().count("\n") == 0
    assert "needs Graphviz's `dot` on PATH" in err and "--format mermaid or dot" in err
    assert not (tmp_path / "x.svg").exists()
    code, out, err = run(["diagram", str(out_dir), "--format", "mermaid"], capsys)
    assert code == 0 and out.startswith("flowchart LR")
    assert parse_mermaid({"cli": out})["cli"]["ok"]


def test_an_hcl_root_is_read_like_check_reads_it(capsys):
    root = REPO / "modules" / "ml-platform" / "examples" / "basic"
    code, out, err = run(["diagram", str(root), "--format", "mermaid"], capsys)
    assert code == 0, err
    assert 'subgraph g' in out and "ACK cluster" in out and "<small>Node pool</small>" in out
    assert "${" not in out
