"""Generate the typed L1 bindings in `alicloud_ml/provider/` from `alicloud_ml/schema/alicloud.json`.

`make bindings` (or `python -m alicloud_ml.codegen`) rewrites the files; `--check` reports drift
without writing, which the test suite uses to keep generated code and schema in step.
"""
