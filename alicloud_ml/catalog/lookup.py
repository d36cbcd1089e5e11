"""Checks of the names a platform takes from the catalog (instance types, regions), with did-you-mean.

Every instance type and region the toolkit accepts is one the catalog lists, so a typo
(`ecs.gn7i-c8g1.2xlarg`, `cn-shangai`) stops at validation instead of passing synth, the gate
and an emulator apply. Messages point at `alicloud-ml catalog`, which lists the same tables.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import NamedTuple

from alicloud_ml.catalog import instance_types
from alicloud_ml.catalog.regions import REGIONS


class Unknown(NamedTuple):
    """Why a name is refused: what is wrong, what is accepted, and a hint (the closest known name)."""

    problem: str
    accepted: str
    hint: str | None


def closest(name: str, known: Iterable[str]) -> str | None:
    """The known name closest to `name` (difflib's ratio of at least 0.8), or None."""
    match = difflib.get_close_matches(name, list(known), n=1, cutoff=0.8)
    return match[0] if match else None


def _hint(guess: str | None) -> str | None:
    return f"did you mean `{guess}`?" if guess else None


def unknown_instance_type(name: str, gpu: bool | None = None) -> Unknown | None:
    """None when `name` is catalogued; else why not. `gpu` narrows what is accepted (and suggested):
    True for GPU types, False for CPU types, None for any type."""
    types = instance_types()
    if name in types:
        return None
    kind = {True: "a GPU instance type", False: "a CPU instance type", None: "an instance type"}[gpu]
    flag = {True: " --gpu", False: " --cpu", None: ""}[gpu]
    fitting = [n for n, t in types.items() if gpu is None or t.is_gpu == gpu]
    return Unknown(f"unknown instance type {name!r}", f"{kind} listed by `alicloud-ml catalog{flag}`",
                   _hint(closest(name, fitting) or closest(name, types)))


def unknown_region(region: str) -> Unknown | None:
    """None when `region` is a region id the provider accepts (`REGIONS`); else why not."""
    if region in REGIONS:
        return None
    return Unknown(f"unknown region {region!r}", "a region id listed by `alicloud-ml catalog --regions`, e.g. "
                   "cn-shanghai", _hint(closest(region, REGIONS)))
