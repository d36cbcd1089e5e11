"""The pack's metadata: ids, severities, titles and the checkov registration of every check."""

from __future__ import annotations

import re

from alicloud_ml.policies.registry import CHECKS_DIR, project_checks
from alicloud_ml.policies.severities import BUILTIN, project_severities


def test_every_builtin_alicloud_check_in_checkov_has_a_severity(warm_gate):
    from checkov.common.checks_infra.registry import get_graph_checks_registry
    from checkov.terraform.checks.resource.registry import resource_registry

    ids = {c.id for checks in resource_registry.checks.values() for c in checks if c.id.startswith("CKV_ALI_")}
    graph = get_graph_checks_registry("terraform")
    graph.load_checks()
    ids |= {c.id for c in graph.checks if "_ALI_" in c.id}
    assert ids and ids <= set(BUILTIN), sorted(ids - set(BUILTIN))


def test_project_checks_declare_unique_ids_title_why_and_fix():
    checks = project_checks()
    ids = [c.meta.id for c in checks]
    assert ids == sorted(set(ids)) and ids == sorted(project_severities())
    for check in checks:
        meta = check.meta
        assert re.fullmatch(r"ALIML_\d{3}", meta.id)
        assert meta.title.startswith("Ensure "), meta.id
        assert len(meta.why) > 40 and len(meta.fix) > 20, meta.id
        assert (check.evaluate is not None) or (check.evaluate_stack is not None), meta.id
        assert meta.stack_level == (check.evaluate is None), meta.id


def test_per_resource_checks_are_checkov_checks_in_a_folder_checkov_can_load():
    assert (CHECKS_DIR / "__init__.py").is_file()
    for check in project_checks():
        source = (CHECKS_DIR / f"{check.module}.py").read_text()
        if check.evaluate is not None:
            assert "\ncheck = checkov_check(CHECK, evaluate)\n" in source, check.module
