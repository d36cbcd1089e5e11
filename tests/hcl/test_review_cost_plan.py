"""`review --plan` and `cost` on a `terraform show -json` plan of an HCL root that uses the modules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hcl.conftest import module_copy, workspace
from tests.tools import needs

pytestmark = needs("terraform")


@pytest.fixture(scope="module")
def platform_plan(tmp_path_factory: pytest.TempPathFactory, hcl_cli_config: Path) -> Path:
    """The plan of modules/ml-platform/examples/basic against the emulator, as `terraform show -json` writes it."""
    root = module_copy(tmp_path_factory.mktemp("plan")) / "ml-platform" / "examples" / "basic"
    plan = root / "plan.json"
    plan.write_text(json.dumps(workspace(root, hcl_cli_config).plan_json()))
    return plan


def _cli(args: list[str], capsys) -> tuple[int, str]:
    from alicloud_ml.cli import main

    with pytest.raises(SystemExit) as exc:
        main(args)
    out, _ = capsys.readouterr()
    return int(exc.value.code or 0), out


def test_review_names_resources_by_module_address(platform_plan, capsys):
    # WHEN the review reads the plan of the HCL root
    code, out = _cli(["review", "--plan", str(platform_plan), "--format", "json"], capsys)
    review = json.loads(out)
    addresses = {c["address"] for s in review["stacks"] for c in s["changes"]}
    # THEN every change is named as Terraform names it, module path included, and priced under that name
    assert code == 0
    assert "module.platform.module.network.alicloud_vpc.this" in addresses
    assert 'module.platform.module.node_pools["inference"].alicloud_cs_kubernetes_node_pool.this' in addresses
    assert 'module.platform.module.network.alicloud_vswitch.vswitch["cn-shanghai-b"]' in addresses
    assert len(addresses) == sum(1 for s in review["stacks"] for _ in s["changes"])  # no two share a name


def test_cost_accepts_a_plan_and_prices_what_it_would_leave(platform_plan, capsys):
    # WHEN `cost` reads the plan
    code, out = _cli(["cost", str(platform_plan), "--format", "json"], capsys)
    stack = json.loads(out)["stacks"][0]
    by_address = {r["address"]: r for r in stack["resources"]}
    pool = by_address['module.platform.module.node_pools["inference"].alicloud_cs_kubernetes_node_pool.this']
    # THEN resources carry their module address, the GPU pool is priced from 0 to max_size nodes
    assert code == 0 and pool["status"] == "estimated"
    assert pool["sizes"]["min"] == 0 and pool["sizes"]["max"] == 3 and pool["monthly"]["max"] > 0
    assert by_address["module.platform.module.network.alicloud_vpc.this"]["status"] == "free"
