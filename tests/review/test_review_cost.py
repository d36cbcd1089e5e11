"""Cost estimates: hand-checked arithmetic from the price table, min/desired/max, unpriced never zero."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from alicloud_ml.catalog.pricing import PriceBook
from alicloud_ml.errors import InputError
from alicloud_ml.review.cost import CostModel
from alicloud_ml.synthesized import load_synth
from tests.tools import run_cli as _run

from .helpers import CPFS, EAS, POOL, address, body, changed, eas_config, platform, write_synth

PRICES_CSV = Path(__file__).resolve().parents[1] / "fixtures_prices" / "prices-cn-shanghai-2023-06-17.csv"


def _list_price(sku: str) -> float:
    with PRICES_CSV.open(newline="") as fh:
        (row,) = [r for r in csv.DictReader(fh) if r["sku"] == sku]
    assert row["unit"] == "hour" and row["currency"] == "CNY"
    return float(row["price"])


def _costs(tmp_path, resources, prices=None, spot_discount=0.7):
    (stack,) = load_synth(write_synth(tmp_path / "out", {"ml-dev": resources})).values()
    return CostModel(PriceBook(prices), spot_discount).stack(stack).by_address()


def test_node_pool_cost_equals_hand_computed_figure_at_min_desired_max(tmp_path):
    base = platform()  # gn7i-c16g1.4xlarge, min 1, desired "2", max 4
    pool = _costs(tmp_path, base)[address(base, POOL)]
    hourly = _list_price("ecs.gn7i-c16g1.4xlarge")  # 10.09 CNY/h, cn-shanghai, 2023-06
    assert pool.status == "estimated"
    assert pool.monthly.min == pytest.approx(hourly * 730 * 1)
    assert pool.monthly.desired == pytest.approx(hourly * 730 * 2)   # 14,731.40
    assert pool.monthly.max == pytest.approx(hourly * 730 * 4)


def test_spot_node_pool_is_discounted_by_the_configured_fraction(tmp_path):
    base = changed(platform(), POOL, spot_strategy="SpotAsPriceGo")
    pool = _costs(tmp_path, base, spot_discount=0.6)[address(base, POOL)]
    assert pool.monthly.desired == pytest.approx(_list_price("ecs.gn7i-c16g1.4xlarge") * 730 * 2 * (1 - 0.6))


def test_eas_cost_uses_autoscaler_bounds_and_service_config_instance_type(tmp_path):
    base = platform()
    eas = _costs(tmp_path, base)[address(base, EAS)]
    hourly = _list_price("ecs.gn7i-c8g1.2xlarge")
    assert (eas.sizes.min, eas.sizes.desired, eas.sizes.max) == (2, 3, 10)
    assert eas.monthly.desired == pytest.approx(hourly * 730 * 3)
    assert any("ECS list price" in n for n in eas.notes)


def test_cpfs_without_a_price_row_is_unpriced_and_names_the_sku(tmp_path):
    base = platform()
    cpfs = _costs(tmp_path, base)[address(base, CPFS)]
    assert cpfs.status == "unpriced"
    assert "`cpfs.advance_100`" in cpfs.reason and "GiB-month" in cpfs.reason


def test_user_price_file_prices_cpfs_by_capacity(tmp_path):
    prices = tmp_path / "prices.csv"
    prices.write_text("sku,unit,price,currency,region,date,source\n"
                      "cpfs.advance_100,GiB-month,1.5,CNY,cn-shanghai,2026-01,negotiated\n")
    base = platform()  # capacity 3600
    cpfs = _costs(tmp_path, base, prices=prices)[address(base, CPFS)]
    assert cpfs.status == "estimated"
    assert cpfs.monthly.desired == pytest.approx(3600 * 1.5)


def test_free_and_unknown_resources_are_counted_never_silently_zero(tmp_path):
    resources = {**platform(), "alicloud_oss_bucket": {"B": body("ml-dev/B/Resource", bucket="x")},
                 "alicloud_made_up_thing": {"M": body("ml-dev/M/Resource")}}
    costs = _costs(tmp_path, resources)
    assert costs["alicloud_vpc.Platform_Network_Vpc_Resource_A1"].status == "free"
    assert costs["alicloud_oss_bucket.B"].status == "unpriced" and "dynamic price page" in costs["alicloud_oss_bucket.B"].reason
    assert costs["alicloud_made_up_thing.M"].status == "unpriced"


def test_eas_on_dedicated_resource_group_is_unpriced(tmp_path):
    config = json.loads(eas_config("x", instance=1, min_=1, max_=1))
    config["metadata"]["resource"] = "eas-r-123"
    del config["cloud"]
    base = changed(platform(), EAS, service_config=json.dumps(config))
    eas = _costs(tmp_path, base)[address(base, EAS)]
    assert eas.status == "unpriced" and "resource group" in eas.reason


def test_unit_that_cannot_price_a_quantity_is_rejected_naming_file_and_sku(tmp_path):
    prices = tmp_path / "prices.csv"
    prices.write_text("sku,unit,price,currency,region,date,source\ncpfs.advance_100,hour,1,CNY,cn-shanghai,2026-01,x\n")
    with pytest.raises(InputError) as exc:
        _costs(tmp_path, platform(), prices=prices)
    assert str(prices) in str(exc.value) and "sku cpfs.advance_100 (cn-shanghai).unit" in str(exc.value) and "GiB-month" in str(exc.value)



def test_cost_cli_prints_estimate_with_currency_date_and_region(tmp_path, capsys):
    out_dir = write_synth(tmp_path / "out", {"ml-dev": platform()})
    code, out, _ = _run(["cost", str(out_dir)], capsys)
    assert code == 0
    assert "Estimate" in out and "CNY" in out and "2023-06" in out and "cn-shanghai" in out
    assert "CNY 14,731.40" in out and "not priced" in out


def test_cost_cli_json_has_schema_version_and_totals(tmp_path, capsys):
    out_dir = write_synth(tmp_path / "out", {"ml-dev": platform()})
    code, out, _ = _run(["cost", str(out_dir / "stacks/ml-dev/cdk.tf.json"), "--format", "json"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["schema_version"] == 1 and doc["estimate"] is True and "2023-06" in doc["price_dates"]
    assert doc["counts"] == {"estimated": 3, "free": 3, "unpriced": 1}  # ACK Pro priced from its official row


@pytest.mark.parametrize("bad", ["missing-dir", "broken.json"])
def test_cost_cli_bad_input_exits_2_naming_the_path(tmp_path, capsys, bad):
    target = tmp_path / bad
    if bad.endswith(".json"):
        target.write_text("{not json")
    code, _, err = _run(["cost", str(target)], capsys)
    assert code == 2
    assert str(target) in err and "Traceback" not in err


def test_cost_cli_rejects_spot_discount_outside_zero_to_one(tmp_path, capsys):
    out_dir = write_synth(tmp_path / "out", {"ml-dev": platform()})
    code, _, err = _run(["cost", str(out_dir), "--spot-discount", "1.5"], capsys)
    assert code == 2 and "--spot-discount" in err and "[0, 1)" in err


def test_eas_service_config_with_references_is_still_priced(tmp_path):
    config = json.loads(eas_config("x", instance=2, min_=1, max_=4))
    config["cloud"]["networking"] = {"vpc_id": "${alicloud_vpc.Platform_Network_Vpc_Resource_A1.id}"}
    base = changed(platform(), EAS, service_config=json.dumps(config))
    eas = _costs(tmp_path, base)[address(base, EAS)]
    assert eas.status == "estimated"
    assert eas.monthly.desired == pytest.approx(_list_price("ecs.gn7i-c8g1.2xlarge") * 730 * 2)
