"""The provider team's own acceptance tests, replayed against the emulator with real Terraform.

terraform-provider-alicloud v1.289.0 ships ~3,300 `TestAcc*` functions (alicloud/resource_alicloud_*_test.go)
written in one DSL (service_alicloud_common_test.go): a config map per step, the attributes to find in state
after apply, import steps with an ignore list. They are the peer's standard for exactly what the emulator
claims: create, read back, update in place or replace, import, destroy.

- `extract` (a dev command, needs the provider's source) runs each test function in a small Go interpreter
  (`goexec`, `dsl`) and commits what it builds as data (`data/tests-<version>.zip`);
- `suite` loads that data and gives each test's concrete steps;
- `runner` replays tests through real Terraform, many per working directory, judging state like the SDK
  (`flatmap`); `replay` batches, parallelizes and caches; `classify` and `report` make a work list of it.
"""
