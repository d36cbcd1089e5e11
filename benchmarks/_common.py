"""What every benchmark shares: alternated runs, medians, goals, the machine's load, and the exit code.

A figure is only as good as the machine it ran on: the benchmarks of this project run on shared 2-core
machines, so every comparison is measured in one run with its two sides alternating (a change in load hits
both), reported as the median, and printed with the load average (`uptime`) and core count beside it.
Every ratio and budget has a goal; `finish` prints them and returns 1 when one misses (`make bench` fails).
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "benchmarks" / "baseline.json"


def alternate(sides: dict[str, Callable[[], float]], runs: int) -> dict[str, list[float]]:
    """Each side's measurements, taken in turns (A B A B …) so drifting load affects all sides alike."""
    out: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(runs):
        for name, measure in sides.items():
            out[name].append(measure())
    return out


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def machine() -> str:
    """`2 cores, load 1.23 0.98 0.75` (1, 5 and 15 minute load averages, as `uptime` shows them)."""
    one, five, fifteen = os.getloadavg()
    return f"{os.cpu_count()} cores, load {one:.2f} {five:.2f} {fifteen:.2f}"


@dataclass
class Goal:
    """A figure and its goal: `at_most` (ratios where less is better, budgets in seconds) or `at_least`."""

    name: str
    value: float
    at_most: float | None = None
    at_least: float | None = None
    unit: str = ""

    @property
    def met(self) -> bool:
        return (self.at_most is None or self.value <= self.at_most) and \
            (self.at_least is None or self.value >= self.at_least)

    def line(self, width: int) -> str:
        goal = f"<= {self.at_most:g}" if self.at_most is not None else f">= {self.at_least:g}"
        return f"  {self.name:<{width}}  {self.value:8.2f}{self.unit:<2} goal {goal}{self.unit}  " \
               f"{'met' if self.met else 'MISSED'}"


@dataclass
class Goals:
    items: list[Goal] = field(default_factory=list)

    def add(self, name: str, value: float, *, at_most: float | None = None, at_least: float | None = None,
            unit: str = "") -> Goal:
        goal = Goal(name, value, at_most, at_least, unit)
        self.items.append(goal)
        return goal

    def finish(self, title: str) -> int:
        """Print every goal (met or MISSED) with the machine's load; 1 when one missed."""
        width = max((len(g.name) for g in self.items), default=10)
        print(f"{title} ({machine()}):")
        for goal in self.items:
            print(goal.line(width))
        missed = [g.name for g in self.items if not g.met]
        if missed:
            print(f"MISSED: {', '.join(missed)}")
        return 1 if missed else 0


def baseline(name: str) -> float:
    """A committed baseline ratio (benchmarks/baseline.json), for the smoke in `make test`."""
    return float(json.loads(BASELINE.read_text())[name]["ratio"])
