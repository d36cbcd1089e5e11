"""Docs that cannot drift: the generated pages match the code, and every link between pages resolves."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from alicloud_ml.docgen import render_all, rules
from alicloud_ml.policies.model import Severity
from alicloud_ml.policies.registry import project_checks

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]


def test_every_generated_page_matches_the_code():
    stale = [name for name, text in render_all().items() if (DOCS / name).read_text(encoding="utf-8") != text]
    assert stale == [], f"run `make docs`: {stale} differ from the code"


def test_a_changed_severity_without_make_docs_is_caught():
    checks = list(project_checks())
    first = checks[0]
    flipped = Severity.LOW if first.meta.severity is not Severity.LOW else Severity.CRITICAL
    checks[0] = dataclasses.replace(first, meta=dataclasses.replace(first.meta, severity=flipped))
    committed = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert rules.render(checks) not in committed and rules.render() in committed


def test_the_readme_is_a_front_page():
    assert len((REPO / "README.md").read_text(encoding="utf-8").splitlines()) <= 250


def _slug(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = re.sub(r"````.*?````|```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return {_slug(m) for m in re.findall(r"^#{1,6} (.*)$", text, flags=re.M)}


def test_every_relative_link_and_anchor_resolves():
    broken = []
    for page in PAGES:
        text = re.sub(r"````.*?````|```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # http(s)://, mailto:
            path, _, anchor = target.partition("#")
            file = (page.parent / path).resolve() if path else page
            if not file.exists():
                broken.append(f"{page.name}: {target} (no such file)")
            elif anchor and file.suffix == ".md" and anchor not in _anchors(file):
                broken.append(f"{page.name}: {target} (no such heading)")
    assert broken == []


def test_the_diagrams_in_docs_match_the_reference_platform(reference_platform):
    from alicloud_ml.docgen import diagrams

    fresh = diagrams.render(REPO, reference_platform)
    stale = [name for name, text in fresh.items() if (DOCS / name).read_text(encoding="utf-8") != text]
    assert stale == [], f"run `make docs`: {stale} differ from the code"
    assert {f"diagrams/ml-{env}.dot" for env in diagrams.ENVS} <= set(fresh)


def test_each_committed_svg_is_drawn_from_the_dot_beside_it():
    import hashlib

    from alicloud_ml.docgen.diagrams import stamped_source

    svgs = sorted((DOCS / "diagrams").glob("*.svg"))
    assert [p.stem for p in svgs] == sorted(p.stem for p in (DOCS / "diagrams").glob("*.dot"))
    for svg in svgs:
        stamp = stamped_source(svg.read_text(encoding="utf-8"))
        dot = svg.with_suffix(".dot")
        assert stamp == (dot.name, hashlib.sha256(dot.read_bytes()).hexdigest()), f"run `make docs`: {svg.name}"


def test_the_readme_shows_the_dev_diagram_and_links_the_others():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for target in ("docs/diagrams/ml-dev.svg", "docs/diagrams/ml-staging.svg", "docs/diagrams/ml-prod.svg",
                   "docs/diagrams/review-cpfs-storage-type.md"):
        assert f"]({target})" in readme
