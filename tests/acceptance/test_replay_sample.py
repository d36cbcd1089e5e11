"""A sample of the provider team's acceptance tests, one per ML service, replayed with real Terraform.

`make acceptance` replays all of them; this keeps a fixed sample in `make test` so a regression in the
emulator (or the replayer) shows at once: each sample test passes today, and a test built to fail (a check
the state cannot hold) proves the replay can fail. All run in one working directory, as `make acceptance`
batches them, and one emulated cloud seeded with the team's account objects.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alicloud_ml.acceptance import classify, replay, suite
from alicloud_ml.acceptance.runner import TestResult
from alicloud_ml.acceptance.suite import AccTest
from alicloud_ml.fidelity.corpus import SEED_FILE
from alicloud_ml.fidelity.terraform import Environment

pytestmark = pytest.mark.e2e

#: One short test (2-4 steps, with updates and imports) per ML service of `suite.ML_SUBCATEGORIES`.
SAMPLE = (
    "TestAccAliCloudCSKubernetesPolicyInstance_basic",      # ACK
    "TestAccAliCloudNasAccessRule_basic5736_twin",          # NAS
    "TestAccAliCloudPaiService_basic3213",                  # PAI-EAS
    "TestAccAliCloudPaiWorkspaceModel_basic9669_twin",      # PAI Workspace
    "TestAccAliCloudPaiFlowPipeline_basic10139_twin",       # PAI Flow
    "TestAccAliCloudGpdbBackupPolicy_basic3698_twin",       # AnalyticDB for PostgreSQL
    "TestAccAliCloudOssBucketAcl_basic6192_twin",           # OSS
    "TestAccAliCloudRamGroup_basic10096_twin",              # RAM
    "TestAccAliCloudKmsClientKey_basic4119",                # KMS
    "TestAccAliCloudFcv3FunctionVersion_basic7234",         # Function Compute 3.0
    "TestAccAliCloudRouteEntry_basic0",                     # VPC
    "TestAccAliCloudECSDeploymentSet_basic1_twin",          # ECS
    "TestAccAliCloudSlsProject_basic4209_twin",             # SLS
    "TestAccAliCloudCrArtifactLifecycleRule_basic12942",    # Container Registry
    "TestAccAliCloudOtsTable_withTableEncryption",          # Tablestore
    "TestAccAliCloudEIPAddress_basic4",                     # EIP
    "TestAccAliCloudNatGatewayNatIpCidr_basic12366",        # NAT Gateway
    "TestAccAliCloudResourceManagerControlPolicyAttachment_basic0",  # Resource Manager
)
BY_ID = {t.id: t for t in suite.load()}

#: A test built here to fail: its check map expects a VPC name the config does not set.
WRONG = AccTest("SampleCheckTheStateCannotHold", "alicloud/resource_alicloud_vpc_test.go", 0, {
    "function": "SampleCheckTheStateCannotHold", "region": "cn-hangzhou", "resource": "alicloud_vpc.default",
    "configs": [{"resource": "alicloud_vpc.default", "dependence": 0}],
    "maps": [{"resource": "alicloud_vpc.default", "checks": {"status": "#CHECKSET"}}],
    "steps": [{"config": {"builder": 0, "set": {"vpc_name": "sample-a", "cidr_block": "172.16.0.0/16"}},
               "checks": [["map", 0, {"vpc_name": "sample-b"}, "alicloud_vpc.default"]]}],
}, ("",))


def test_the_sample_covers_every_ml_service():
    covered = {BY_ID[i].subcategory for i in SAMPLE}
    assert covered == suite.ML_SUBCATEGORIES


def test_the_providers_sample_tests_pass_every_step_and_a_check_the_state_cannot_hold_fails(tmp_path: Path):
    # One test, so the replay runs once under xdist (a module fixture would run in every worker).
    tests = [BY_ID[i] for i in SAMPLE] + [WRONG]
    replayed = replay.run(Environment(tmp_path, seed=SEED_FILE), tests, cache=None, jobs=1, size=len(tests),
                          quiet=True)
    failed = {i: f"{replayed[i].klass}: {replayed[i].message}" for i in SAMPLE if not _passed(replayed[i])}
    assert not failed, failed
    wrong = replayed[WRONG.id]
    assert not wrong.passed and wrong.klass == classify.CHECK
    assert "Attribute 'vpc_name' expected 'sample-b', got 'sample-a'" in wrong.message


def _passed(result: TestResult) -> bool:
    return result.passed and [s.kind for s in result.steps][-1] == "destroy" and all(s.passed for s in result.steps)
