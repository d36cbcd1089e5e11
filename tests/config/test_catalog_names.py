"""Instance types and regions come from the catalog: a typo stops at validation with a did-you-mean
that points at `alicloud-ml catalog`, instead of passing synth, the gate and an emulator apply."""

from __future__ import annotations

import pytest

from alicloud_ml.catalog import instance_types
from alicloud_ml.catalog.lookup import unknown_instance_type, unknown_region
from alicloud_ml.catalog.regions import REGIONS, zone_in_region
from alicloud_ml.config import load_config
from alicloud_ml.errors import InputError, InputErrors

FILE = """
region = "{region}"

[network]
zones = ["{zone}"]

[node_pools.training]
instance_types = ["ecs.gn7e-c16g1.16xlarge"]
max_size = 4

[services.model]
processor = "triton"
cpu = 4
gpu = 1
memory_mb = 16000
instance_type = "{eas_type}"

[state]
bucket = "ml-tfstate-test"
"""


def problems(tmp_path, **values: str) -> str:
    path = tmp_path / "team.toml"
    path.write_text(FILE.format(**{"region": "cn-shanghai", "zone": "cn-shanghai-b",
                                   "eas_type": "ecs.gn7i-c8g1.2xlarge", **values}))
    with pytest.raises((InputError, InputErrors)) as err:
        load_config(path)
    return str(err.value)


def test_a_misspelt_eas_instance_type_is_refused_with_the_catalogued_one_suggested(tmp_path):
    message = problems(tmp_path, eas_type="ecs.gn7i-c8g1.2xlarg")

    assert "services.model.instance_type: unknown instance type 'ecs.gn7i-c8g1.2xlarg'; accepted: an instance type " \
           "listed by `alicloud-ml catalog` - did you mean `ecs.gn7i-c8g1.2xlarge`?" in message


@pytest.mark.parametrize(("region", "zone", "suggestion"), [
    ("cn-shangai", "cn-shangai-b", " - did you mean `cn-shanghai`?"),
    ("xx-nowhere-1", "xx-nowhere-1a", ""),
])
def test_an_unknown_region_is_blamed_alone_even_when_the_zones_match_it(tmp_path, region, zone, suggestion):
    message = problems(tmp_path, region=region, zone=zone)

    assert message.endswith(f"region: unknown region {region!r}; accepted: a region id listed by "
                            f"`alicloud-ml catalog --regions`, e.g. cn-shanghai{suggestion}")
    assert "zones" not in message and "network.region" not in message and "state.region" not in message


def test_a_misspelt_system_pool_type_is_refused_as_a_cpu_type(tmp_path):
    path = tmp_path / "team.toml"
    path.write_text(FILE.format(region="cn-shanghai", zone="cn-shanghai-b", eas_type="ecs.gn7i-c8g1.2xlarge")
                    + '\n[system_pool]\ninstance_types = ["ecs.g7.xlarg"]\n')
    with pytest.raises(InputError) as err:
        load_config(path)

    assert "system_pool.instance_types[0]: unknown instance type 'ecs.g7.xlarg'; accepted: a CPU instance type " \
           "listed by `alicloud-ml catalog --cpu` - did you mean `ecs.g7.xlarge`?" in str(err.value)


def test_every_catalogued_type_and_every_listed_region_is_accepted_and_nothing_else():
    assert all(unknown_instance_type(name) is None for name in instance_types())
    assert all(unknown_region(region) is None for region in REGIONS)
    assert unknown_instance_type("ecs.gn7i-c8g1.2xlarg") is not None and unknown_region("cn-shangai") is not None
    assert len(set(REGIONS)) == len(REGIONS) and all(zone_in_region(f"{r}-a", r) or zone_in_region(f"{r}a", r)
                                                     for r in REGIONS)


def test_a_string_where_an_array_belongs_is_called_an_array_not_a_tuple(tmp_path):
    path = tmp_path / "team.toml"
    path.write_text(FILE.format(region="cn-shanghai", zone="cn-shanghai-b", eas_type="ecs.gn7i-c8g1.2xlarge")
                    .replace('zones = ["cn-shanghai-b"]', 'zones = "cn-shanghai-b"'))
    with pytest.raises(InputError) as err:
        load_config(path)

    assert str(err.value).endswith("network.zones: invalid value 'cn-shanghai-b': expected an array, e.g. [\"a\", \"b\"]")
    assert "tuple" not in str(err.value)
