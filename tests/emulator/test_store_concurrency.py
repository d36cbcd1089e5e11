"""A fresh emulated cloud opened by several provider processes at once never reports "database is locked".

Terraform starts several provider processes per command; on a fresh store they all tried to switch
the database to WAL at once and about one apply in 170 failed. The store now creates the database
once, under a file lock.
"""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

from alicloud_ml.emulator.store import Store

PROCESSES, ROUNDS = 8, 12


def _first_write(directory: str, barrier: mp.synchronize.Barrier, name: str) -> None:
    barrier.wait()
    store = Store(Path(directory))
    with store.transaction():
        store.put("alicloud_vpc", name, "cn-shanghai", {"id": name}, None, [])


def test_parallel_first_writes_to_a_fresh_store_all_succeed(tmp_path: Path) -> None:
    ctx = mp.get_context("fork")
    failures = 0
    for round_ in range(ROUNDS):
        directory = tmp_path / f"cloud-{round_}"
        barrier = ctx.Barrier(PROCESSES)
        procs = [ctx.Process(target=_first_write, args=(str(directory), barrier, f"vpc-{i}")) for i in range(PROCESSES)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        failures += sum(p.exitcode != 0 for p in procs)
        assert len(Store(directory).find("alicloud_vpc")) == sum(p.exitcode == 0 for p in procs)
    assert failures == 0, f"{failures} of {PROCESSES * ROUNDS} first writes failed"
