"""Generate the typed L1 bindings from the pinned provider schema: the `cdktf-cdktf-provider-alicloud`
package (one module per type, `packages/`) and the toolkit's per-service view of it (`alicloud_ml/provider/`).

`make bindings` (or `python -m alicloud_ml.codegen`) rewrites the files; `--check` reports drift
without writing, which the test suite uses to keep generated code and schema in step.
"""
