"""Run the selected tests: batches in parallel, a progress line, results cached and resumable.

A result is cached under the hash of the emulator (its code, the schema, the catalog data and the
replayer's judging code) and keyed by the test's own digest, so an unchanged emulator never replays an
unchanged test, and an interrupted run continues where it stopped. Tests are batched by region, at most
PER_FILE tests of a source file per batch (a file's tests share data-source filters), longest first;
a test whose configs set up providers or expect an error runs alone at the root. A batch failure that may
come from a neighbour (a name taken, an error naming no module, a plan a grown listing changed) is confirmed by
running the test alone.
"""

from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from alicloud_ml.acceptance import classify
from alicloud_ml.acceptance.runner import NO_MODULE, Batch, StepResult, TestResult
from alicloud_ml.acceptance.suite import AccTest
from alicloud_ml.fidelity.corpus import SEED_FILE
from alicloud_ml.fidelity.terraform import Environment

PACKAGE = Path(__file__).resolve().parents[1]
#: What decides a replay's outcome besides the test: the emulator, the schema, the catalog, the judging code.
_HASHED = ("emulator/**/*.py", "schema/*.zip", "catalog/*.json", "catalog/*.py", "acceptance/runner.py",
           "acceptance/flatmap.py", "acceptance/classify.py", "acceptance/replay.py", "acceptance/hcl.py",
           "acceptance/suite.py", "acceptance/dsl.py", "fidelity/terraform.py", "fidelity/classify.py")
DEFAULT_BATCH = 32
#: Tests of one source file in one batch: a file's tests differ by their random names, rarely by more.
PER_FILE = 2
DEFAULT_CACHE = Path(".alicloud-ml") / "acceptance"


def emulator_hash(root: Path = PACKAGE) -> str:
    """The hash of what decides a replay besides the test (and the account objects seeded, SEED_FILE)."""
    digest = hashlib.sha256()
    for path in [p for pattern in _HASHED for p in sorted(root.glob(pattern))] + [SEED_FILE]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Cache:
    """Results by test digest, one JSON line each, in a file per emulator hash (appended as batches end)."""

    def __init__(self, directory: Path, emulator: str):
        self.path = directory / f"results-{emulator}.jsonl"
        self._lock = threading.Lock()
        self.entries: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            for line in self.path.read_text().splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short by an interrupted run
                self.entries[entry["key"]] = entry

    @staticmethod
    def key(test: AccTest) -> str:
        return f"{test.id}:{test.digest}"

    def get(self, test: AccTest) -> TestResult | None:
        entry = self.entries.get(self.key(test))
        return TestResult.from_json(entry["result"]) if entry else None

    def put(self, test: AccTest, result: TestResult) -> None:
        key = self.key(test)
        entry = {"key": key, "result": result.to_json()}
        with self._lock:
            self.entries[key] = entry
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a") as out:
                out.write(json.dumps(entry, separators=(",", ":")) + "\n")


def not_run(test: AccTest) -> TestResult | None:
    """The result of a test that is not replayed: not evaluable, skipped upstream, or needing another provider."""
    if test.status == "error":
        return TestResult(test.id, False, klass=classify.NOT_EVALUABLE, message=test.reason)
    if test.status == "skip":
        return TestResult(test.id, False, klass="skipped upstream", message=test.reason)
    foreign = test.foreign_providers()
    if foreign:
        return TestResult(test.id, False, klass=classify.NEEDS_PROVIDER, message=f"needs {', '.join(foreign)}")
    return None


def batches(tests: list[AccTest], size: int, per_file: int = PER_FILE) -> list[tuple[list[AccTest], bool]]:
    """(tests, alone at the root) groups: by region, at most `per_file` tests of a source file each, longest
    first."""
    out: list[tuple[list[AccTest], bool]] = []
    by_region: dict[str, list[AccTest]] = {}
    for test in tests:
        if test.needs_root():
            out.append(([test], True))
        else:
            by_region.setdefault(test.region, []).append(test)
    for region_tests in by_region.values():
        queue = sorted(region_tests, key=lambda t: (-len(t.record.get("steps", [])), t.file, t.id))
        while queue:
            batch: list[AccTest] = []
            files: dict[str, int] = {}
            rest = []
            for test in queue:
                if len(batch) < size and files.get(test.file, 0) < per_file:
                    batch.append(test)
                    files[test.file] = files.get(test.file, 0) + 1
                else:
                    rest.append(test)
            out.append((batch, False))
            queue = rest
    return sorted(out, key=lambda b: -max(len(t.record.get("steps", [])) for t in b[0]) * len(b[0]))


class Progress:
    """One line on stderr: tests done, passed, batches running, elapsed and the estimate left."""

    def __init__(self, total: int, quiet: bool):
        self.total, self.quiet = total, quiet
        self.done = self.passed = 0
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def add(self, results: Iterable[TestResult], running: int) -> None:
        with self._lock:
            for result in results:
                self.done += 1
                self.passed += result.passed
            if self.quiet:
                return
            elapsed = time.monotonic() - self.started
            left = elapsed / self.done * (self.total - self.done) if self.done else 0
            line = (f"\r  acceptance: {self.done}/{self.total} tests, {self.passed} passed, {running} batches "
                    f"left, {elapsed / 60:.1f} min, ~{left / 60:.0f} min left ")
            print(line, end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if not self.quiet:
            print(file=sys.stderr, flush=True)


def run(env: Environment, tests: list[AccTest], cache: Cache | None, jobs: int = 2, size: int = DEFAULT_BATCH,
        quiet: bool = False, on_result: Callable[[TestResult], None] | None = None) -> dict[str, TestResult]:
    """Every test's result (cached, not run, or replayed now), by id."""
    results: dict[str, TestResult] = {}
    todo = []
    for test in tests:
        known = not_run(test) or (cache.get(test) if cache is not None else None)
        if known is not None:
            results[test.id] = known
        else:
            todo.append(test)
    by_id = {t.id: t for t in todo}
    progress = Progress(len(tests), quiet)
    progress.add(list(results.values()), 0)

    def finish(batch_results: list[TestResult], alone: bool) -> list[AccTest]:
        """Record results; return the tests to confirm alone."""
        retry = []
        for result in batch_results:
            test = by_id[result.id]
            if not result.passed and not alone and _suspect(result):
                retry.append(test)
                continue
            results[result.id] = result
            if cache is not None:
                cache.put(test, result)
            if on_result is not None:
                on_result(result)
        return retry

    with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
        pending: dict[Future[list[TestResult]], bool] = {}
        for group, root in batches(todo, size):
            pending[pool.submit(Batch(env, group, root).run)] = root or len(group) == 1
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                alone = pending.pop(future)
                batch_results = future.result()
                retry = finish(batch_results, alone)
                for test in retry:
                    pending[pool.submit(Batch(env, [test], test.needs_root()).run)] = True
                progress.add([r for r in batch_results if r.id in results], len(pending))
    progress.close()
    return results


def _suspect(result: TestResult) -> bool:
    """Whether a failure in a shared working directory may be a neighbour's doing: a name taken, an error naming
    no module, or a plan not empty after apply (a listing data source, `ids.0`, answers differently once a
    neighbour has created an object it lists)."""
    return bool(result.message) and any(word in result.message for word in (
        "already exist", "AlreadyExist", "Duplicate", "Conflict", "QuotaExceed", NO_MODULE,
        "the plan was not empty")) \
        or result.klass == classify.OTHER and "follow-up plan: no plan" in result.message


__all__ = ["Cache", "StepResult", "batches", "emulator_hash", "not_run", "run"]
