"""The project's checks, one per file, named after what they assert (`gpu_node_pool_tainted.py`).

Each module declares `CHECK` (id `ALIML_NNN`, severity, title, why, fix, resource types) beside a
pure `evaluate(resource) -> Result`, and ends with a module-level `check = checkov_check(...)` so
`checkov --framework terraform_json --external-checks-dir <this folder>` runs it too (checkov only
loads Python checks from a folder with this `__init__.py`). Stack-level checks (backend, region,
cross-resource references) define `evaluate_stack(stack) -> list[StackFinding]` instead and run
only in the gate. Ids are numbered in the order written and never reused.
"""
