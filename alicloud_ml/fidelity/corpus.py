"""The corpus: the provider's documentation examples, each run through the lifecycle in its own workspace.

The examples are committed fixtures with an `index.json` (see `scripts/extract_fidelity_examples.py`).
An example is copied verbatim as `main.tf`; the runner only adds the `required_providers` pin the docs
leave implicit, and ALICLOUD_REGION for examples without a provider block.

Many examples look up objects the provider team's test account holds (`^default-NODELETING$` VPCs). An
example that fails in an empty cloud after `validate` runs again in a cloud seeded with those objects
(`SEED_FILE`, see `alicloud_ml.emulator.seed`); a pass then counts apart, as *passes with seeded
prerequisites*, so the pass rate in an empty account stays visible.
"""

from __future__ import annotations

import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from alicloud_ml import schema
from alicloud_ml.fidelity.classify import CLOUD, NEEDS_PROVIDER, OTHER, SCHEMA, UNSERVED, Outcome, outcome
from alicloud_ml.fidelity.terraform import PROVIDERS_FILE, Environment, provider_pin

#: Where the committed corpus lives in a source checkout.
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "tests" / "emulator" / "fidelity" / "examples"
#: What the provider team's test account is assumed to hold, each entry citing the examples that need it.
SEED_FILE = DEFAULT_CORPUS.parent / "provider-test-account.toml"
_REQUIRED_PROVIDERS = re.compile(r"^\s*required_providers\s*\{", re.M)
_PROTECTED = re.compile(r"^\s*deletion_protection\s*=\s*true\b", re.M)


@dataclass(frozen=True)
class Example:
    """One indexed example: its file and what it needs."""

    id: str
    path: Path
    type: str
    subcategory: str
    providers: tuple[str, ...]
    ml: bool
    entry: dict[str, Any]

    @property
    def other_providers(self) -> tuple[str, ...]:
        return tuple(p for p in self.providers if p != "alicloud")


def load(corpus: Path = DEFAULT_CORPUS) -> list[Example]:
    """Every example of the corpus index, in index order."""
    index = json.loads((corpus / "index.json").read_text())
    return [Example(e["id"], corpus / e["file"], e["type"], e["subcategory"], tuple(e["providers"]), e["ml"], e)
            for e in index["examples"]]


def run_example(env: Environment, example: Example) -> Outcome:
    """The lifecycle in an empty cloud; after a failure past `validate`, again in a seeded cloud."""
    result = _run_once(env, example, seeded=False)
    if not result.passed and env.seed is not None and result.step not in ("init", "validate") \
            and result.klass != NEEDS_PROVIDER:
        retry = _run_once(env, example, seeded=True)
        retry.seconds += result.seconds
        return retry
    return result


def _run_once(env: Environment, example: Example, seeded: bool) -> Outcome:
    """init -> validate -> apply -> re-plan -> destroy in a fresh workspace; the workspace is removed after."""
    ws = env.workspace(example.id, seeded=seeded)
    try:
        text = example.path.read_text()
        (ws.path / "main.tf").write_text(text)
        if not _REQUIRED_PROVIDERS.search(text):
            (ws.path / PROVIDERS_FILE).write_text(provider_pin(schema.provider_version()))
        result = outcome(example.id, ws.lifecycle(), example.subcategory)
        result.seeded = seeded
        if not result.passed and result.step == "init" and example.other_providers:
            result.klass = NEEDS_PROVIDER  # whatever init said, the unmirrored provider comes first
        _blame_placeholders(result, example.entry.get("placeholders") or [])
        _blame_protection(result, text)
        data = example.entry.get("data_source_types") or []
        if result.klass == UNSERVED and data and not any(d in result.message for d in data):
            result.message += f" [the example reads {', '.join(data)}]"  # Terraform does not always say which
        return result
    finally:
        shutil.rmtree(ws.path, ignore_errors=True)


def _blame_placeholders(result: Outcome, placeholders: list[str]) -> None:
    """A refusal that names a value the docs left to fill in ("vpc-xxxx") is the real cloud's answer too."""
    if result.klass not in (CLOUD, SCHEMA):
        return
    named = next((p for p in placeholders if any(p in line for line in [result.message, *result.details])), None)
    if named is not None:
        result.klass = OTHER
        result.message = f"placeholder {named!r} in the example: {result.message}"


def _blame_protection(result: Outcome, text: str) -> None:
    """An example that turns deletion protection on cannot be destroyed in the real cloud either."""
    if result.klass == CLOUD and result.step == "destroy" and "DeletionProtection" in result.message \
            and _PROTECTED.search(text):
        result.klass = OTHER
        result.message = f"the example turns deletion protection on: {result.message}"


def run(env: Environment, examples: Iterable[Example], jobs: int,
        progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Run examples `jobs` at a time (each terraform run is one process tree); results in input order."""
    examples = list(examples)

    def one(example: Example) -> Outcome:
        result = run_example(env, example)
        if progress:
            progress(result)
        return result

    with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
        return list(pool.map(one, examples))


def matches(name: str, patterns: Iterable[str]) -> bool:
    """Whether `name` matches any glob-like pattern (`*` only), or there are no patterns."""
    patterns = list(patterns)
    return not patterns or any(re.fullmatch(re.escape(p).replace(r"\*", ".*"), name) for p in patterns)


def select(examples: list[Example], patterns: Iterable[str]) -> list[Example]:
    """Examples whose id or type matches any of `patterns` (all when none are given)."""
    patterns = list(patterns)
    return [e for e in examples if matches(e.id, patterns) or matches(e.type, patterns)]
