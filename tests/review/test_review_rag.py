"""Adding `[rag]` to an env, as a reviewer sees it: the tier's resources are created, and the cost section
names what is priced and the SKU that would price the rest (AnalyticDB once rows are supplied)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .test_review_cli import run

REPO = Path(__file__).resolve().parents[2]
RAG = "\n[rag]\n[rag.store]\ninstance_spec = \"4C32G\"\nseg_node_num = 4\nstorage_size = 100\n"


def _synth(tmp_path: Path, name: str, extra: str, capsys) -> Path:
    env = tmp_path / name / "dev.toml"
    env.parent.mkdir(parents=True)
    env.write_text((REPO / "stacks" / "envs" / "dev.toml").read_text() + extra)
    out = tmp_path / name / "cdktf.out"
    code, _, err = run(["synth", "--config", str(env), "--out", str(out), "--project", str(REPO)], capsys)
    assert code == 0, err
    return out


def test_review_of_adding_rag_to_dev_shows_the_tier_and_its_cost(tmp_path, capsys):
    base, head = _synth(tmp_path, "base", "", capsys), _synth(tmp_path, "head", RAG, capsys)
    prices = tmp_path / "adb.csv"
    shutil.copy(REPO / "alicloud_ml" / "catalog" / "prices.csv", prices)
    with prices.open("a") as f:  # a team's negotiated AnalyticDB rows (illustrative figures for the test)
        f.write("gpdb.4C32G,hour,4.00,CNY,cn-shanghai,2026-12,team quote\n"
                "gpdb.storage.cloud_essd,GiB-month,1.00,CNY,cn-shanghai,2026-12,team quote\n")

    code, out, _ = run(["review", "--base", str(base), "--head", str(head), "--format", "json", "--no-policy"], capsys)
    assert code == 0
    report = json.loads(out)
    created = {c["type"] for s in report["stacks"] for c in s["changes"] if c["action"] == "create"}
    assert {"alicloud_gpdb_instance", "alicloud_fcv3_function", "alicloud_fcv3_trigger", "alicloud_kms_secret",
            "alicloud_oss_bucket_versioning"} <= created
    unpriced = {u["type"]: u["reason"] for u in report["resources"]["unpriced"]}
    assert "gpdb.4C32G" in unpriced["alicloud_gpdb_instance"] and "`fc.cu`" in unpriced["alicloud_fcv3_function"]

    code, out, _ = run(["review", "--base", str(base), "--head", str(head), "--format", "json", "--no-policy",
                        "--prices", str(prices)], capsys)
    report = json.loads(out)
    store = next(c for s in report["stacks"] for c in s["changes"] if c["type"] == "alicloud_gpdb_instance")
    assert "alicloud_gpdb_instance" not in {u["type"] for u in report["resources"]["unpriced"]}
    # 4 nodes x CNY 4/h x 730 h + 4 x 100 GiB x CNY 1, all of it new this month
    assert round(store["cost"]["delta"]["desired"], 2) == round(4 * 4.0 * 730 + 4 * 100 * 1.0, 2)
