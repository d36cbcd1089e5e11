"""The pull-request comment for a realistic change, compared byte for byte with a checked-in golden file.

Regenerate after an intended wording change with `UPDATE_GOLDEN=1 pytest tests/review/test_review_golden.py`,
then read the diff: the golden file is what reviewers see.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

from alicloud_ml.catalog.pricing import PriceBook
from alicloud_ml.review import markdown
from alicloud_ml.review.compose import build
from alicloud_ml.review.cost import CostModel
from alicloud_ml.review.diff import diff_synth
from alicloud_ml.review.policy import delta
from alicloud_ml.synthesized import load_synth

from .helpers import EAS, POOL, body, eas_config, platform, write_synth

GOLDEN = Path(__file__).parent / "golden" / "realistic_change.md"


def realistic_change() -> tuple[dict, dict]:
    """GIVEN production with one inference pool and an EAS service: add a spot training pool that scales
    from zero, and let the fraud model's autoscaler grow from 10 to 20 instances."""
    base = platform("ml-prod")
    head = copy.deepcopy(base)
    head[POOL]["Platform_Training_GpuPool_Resource_H8"] = body(
        "ml-prod/Platform/Training/GpuPool/Resource", node_pool_name="training",
        cluster_id="${alicloud_cs_managed_kubernetes.Platform_Cluster_Resource_D4.id}",
        vswitch_ids=["${alicloud_vswitch.Platform_Network_Zone1_Resource_B2.id}"],
        instance_types=["ecs.gn7e-c16g1.16xlarge"],
        security_group_ids=["${alicloud_security_group.Platform_Security_Training_Resource_C3.id}"],
        scaling_config=[{"min_size": 0, "max_size": 4}], desired_size="0", spot_strategy="SpotAsPriceGo",
        taints=[{"key": "nvidia.com/gpu", "value": "present", "effect": "NoSchedule"}])
    (eas_name,) = head[EAS]
    head[EAS][eas_name]["service_config"] = eas_config("fraud", instance=3, min_=2, max_=20)
    return base, head


def test_realistic_change_renders_the_golden_comment(tmp_path):
    base, head = realistic_change()
    changes = diff_synth(load_synth(write_synth(tmp_path / "base", {"ml-prod": base})),
                         load_synth(write_synth(tmp_path / "head", {"ml-prod": head})))
    review = build(changes, CostModel(PriceBook()), {"kind": "synth"}, delta([], []))
    text = markdown.render(review)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text)
    assert text == GOLDEN.read_text()


def test_huge_change_still_fits_one_github_comment(tmp_path):
    # GIVEN 600 node pools that all change size (GitHub rejects comments over 65,536 characters)
    pools = {f"Pool{i}": body(f"ml-prod/Team{i}/GpuPool/Resource", instance_types=["ecs.gn7i-c16g1.4xlarge"],
                              scaling_config=[{"min_size": 0, "max_size": 4}], desired_size="1") for i in range(600)}
    grown = {name: {**b, "desired_size": "2"} for name, b in pools.items()}
    changes = diff_synth(load_synth(write_synth(tmp_path / "base", {"ml-prod": {POOL: pools}})),
                         load_synth(write_synth(tmp_path / "head", {"ml-prod": {POOL: grown}})))
    text = markdown.render(build(changes, CostModel(PriceBook()), {"kind": "synth"}, delta([], [])))
    # THEN the comment is cut to fit and says where the rest is
    assert len(text) < 65_536
    assert "more changes in ml-prod not shown here" in text and "--format json" in text
