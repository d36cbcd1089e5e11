"""ACR EE and Function Compute in the cost estimate, and the notebook reaper's expected savings (an estimate)."""

from __future__ import annotations

import json

import pytest

from alicloud_ml.catalog.pricing import PriceBook
from alicloud_ml.review import cost_report
from alicloud_ml.props.notebooks import REAPER_ESTIMATE_TAGS, WEEKNIGHTS_PER_MONTH
from alicloud_ml.review.cost import CostModel, StackCost

REAPER_TAGS = {REAPER_ESTIMATE_TAGS["notebooks"]: "4",
               REAPER_ESTIMATE_TAGS["instance_type"]: "ecs.gn7i-c8g1.2xlarge",
               REAPER_ESTIMATE_TAGS["hours_per_night"]: "14"}


def _function(tags=None) -> dict:
    return {"function_name": "ml-dev-notebook-reaper", "runtime": "python3.12", "handler": "index.handler",
            **({"tags": tags} if tags else {})}


def test_reaper_savings_are_notebook_hours_stopped_on_weeknights_at_list_price():
    model = CostModel(PriceBook())

    rc = model.resource("alicloud_fcv3_function", "reaper", _function(REAPER_TAGS), "ml-dev/Platform/NotebookReaper", region="cn-shanghai")

    # 4 notebooks × CNY 9.53/h (ecs.gn7i-c8g1.2xlarge, 2023-06 list price) × 14 h × 5 × 52 / 12 nights
    assert rc.savings is not None
    assert rc.savings.monthly == pytest.approx(4 * 9.53 * 14 * 5 * 52 / 12)
    assert round(rc.savings.monthly, 2) == 11563.07
    assert WEEKNIGHTS_PER_MONTH == pytest.approx(21.6667, abs=1e-4)
    assert rc.savings.sku == "ecs.gn7i-c8g1.2xlarge" and rc.savings.unit_price == 9.53
    assert "weekends not counted" in rc.savings.assumption and "DSW's own price for it may differ" in rc.savings.assumption
    # the function itself stays unpriced (usage-based), never zero, and the savings are not subtracted
    assert rc.status == "unpriced" and "`fc.cu`" in rc.reason
    assert rc.monthly.desired == 0
    assert any(n.startswith("expected savings (estimate)") for n in rc.notes)
    assert rc.to_json()["savings"]["estimate"] is True and rc.to_json()["savings"]["monthly"] == 11563.07
    assert ("ecs.gn7i-c8g1.2xlarge", "cn-shanghai") in model.book.used


def test_a_dsw_row_wins_over_the_ecs_row(tmp_path):
    prices = tmp_path / "p.csv"
    prices.write_text("sku,unit,price,currency,region,date,source\n"
                      "dsw.ecs.gn7i-c8g1.2xlarge,hour,12.00,CNY,cn-shanghai,2026-01,test row\n")

    rc = CostModel(PriceBook(prices)).resource("alicloud_fcv3_function", "reaper", _function(REAPER_TAGS), region="cn-shanghai")

    assert rc.savings is not None and rc.savings.sku == "dsw.ecs.gn7i-c8g1.2xlarge"
    assert rc.savings.monthly == pytest.approx(4 * 12.00 * 14 * 5 * 52 / 12)
    assert "DSW list price" in rc.savings.assumption


def test_functions_without_the_estimate_tags_have_no_savings():
    rc = CostModel(PriceBook()).resource("alicloud_fcv3_function", "other", _function(), region="cn-shanghai")

    assert rc.savings is None and "savings" not in rc.to_json() and rc.status == "unpriced"


def test_acr_ee_is_unpriced_with_its_sku_until_a_row_is_supplied(tmp_path):
    attrs = {"instance_name": "ml-dev-abcde", "instance_type": "Standard", "payment_type": "Subscription"}

    unpriced = CostModel(PriceBook()).resource("alicloud_cr_ee_instance", "registry", attrs, region="cn-shanghai")
    prices = tmp_path / "p.csv"
    prices.write_text("sku,unit,price,currency,region,date,source\n"
                      "cr.ee.Standard,month,1000.00,CNY,cn-shanghai,2026-01,test row\n")
    priced = CostModel(PriceBook(prices)).resource("alicloud_cr_ee_instance", "registry", attrs, region="cn-shanghai")

    assert unpriced.status == "unpriced" and "`cr.ee.Standard`" in unpriced.reason and "`month`" in unpriced.reason
    assert priced.status == "estimated" and priced.monthly.desired == pytest.approx(1000.0)


@pytest.mark.parametrize("rtype", ["alicloud_cr_ee_namespace", "alicloud_cr_ee_repo", "alicloud_cr_vpc_endpoint_linked_vpc",
                                   "alicloud_fcv3_trigger", "alicloud_pai_workspace_dataset",
                                   "alicloud_pai_workspace_member", "alicloud_pai_workspace_experiment",
                                   "alicloud_pai_workspace_code_source"])
def test_registry_parts_triggers_and_workspace_metadata_are_free(rtype):
    assert CostModel(PriceBook()).resource(rtype, "x", {}).status == "free"


def test_cost_report_shows_the_savings_apart_from_the_totals():
    model = CostModel(PriceBook())
    rc = model.resource("alicloud_fcv3_function", "reaper", _function(REAPER_TAGS), "ml-dev/Platform/NotebookReaper", region="cn-shanghai")
    stack = StackCost("ml-dev", "cn-shanghai", [rc])
    prov = model.book.provenance()

    text = cost_report.render_text([stack], prov, 0.7)
    doc = json.loads(cost_report.render_json([stack], prov, 0.7))

    assert "expected savings (estimate; not subtracted from the totals):" in text
    assert "ml-dev/Platform/NotebookReaper: CNY 11,563.07 per month" in text
    assert doc["stacks"][0]["expected_savings"] == 11563.07 and doc["total"]["desired"] == 0
