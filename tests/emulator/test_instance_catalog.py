"""The instance-type catalog is built from ECS's instance-family pages: every family cited, current and older
families present with the facts their tables state, and the emulator answering and accepting them."""

from __future__ import annotations

from pathlib import Path

from alicloud_ml.catalog import family_source, get_instance_type, instance_types
from alicloud_ml.emulator import data_sources
from alicloud_ml.emulator.plugins import compute
from alicloud_ml.emulator.plugins.registry import Context
from alicloud_ml.emulator.store import Store


def test_every_catalogued_family_cites_its_page() -> None:
    families = {t.family for t in instance_types().values()}
    assert len(families) > 100
    assert [f for f in sorted(families) if not family_source(f)] == []


def test_current_and_older_families_carry_the_facts_of_their_tables() -> None:
    # g9i: Chinese 'overview of instance families' table; c5: the 2021 English edition's table
    assert (lambda t: (t.vcpu, t.memory_gib, t.enis, t.erdma))(get_instance_type("ecs.g9i.large")) == (2, 8, 3, True)
    assert (lambda t: (t.vcpu, t.memory_gib, t.enis))(get_instance_type("ecs.c5.16xlarge")) == (64, 128, 8)
    gpu = get_instance_type("ecs.gn9gc-8x.64xlarge")
    assert (gpu.gpu_count, gpu.gpu_memory_gib, gpu.enis) == (8, 72, 15)
    vgpu = get_instance_type("ecs.vgn6i-m4-vws.xlarge")  # a quarter of a T4 is one vGPU of 4 GB
    assert (vgpu.gpu_count, vgpu.gpu_memory_gib) == (1, 4) and "1/4 vGPU" in vgpu.gpu_model


def test_instance_types_data_source_answers_a_current_family(tmp_path: Path) -> None:
    answer = data_sources.read("alicloud_instance_types", {"instance_type_family": "ecs.g9i", "cpu_core_count": 4},
                               Store(tmp_path), "cn-shanghai")
    assert answer["ids"] == ["ecs.g9i.xlarge"]
    assert answer["instance_types"][0]["eni_amount"] == 4


def test_node_pools_accept_current_and_older_types(tmp_path: Path) -> None:
    ctx = Context(Store(tmp_path), "cn-shanghai", "plan", compute.POOL)
    state = {"instance_types": ["ecs.g9i.xlarge", "ecs.c5.large", "ecs.g8a.2xlarge"], "labels": []}
    assert compute.instance_types_known(ctx, state) == []
    state["instance_types"] = ["ecs.g9i.typo"]
    assert [e.code for e in compute.instance_types_known(ctx, state)] == ["InvalidInstanceType.NotFound"]
