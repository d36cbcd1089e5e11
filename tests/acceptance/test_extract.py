"""Extraction: a test function written in the provider's DSL becomes the steps upstream would run.

The Go sources here are small stand-ins written for these tests (the DSL's calls are interpreted natively,
so only what a test file itself declares is needed): a dependence function built with fmt.Sprintf, a check
map merged step by step, an import step, a region checkout, a test that skips itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alicloud_ml.acceptance import extract
from alicloud_ml.acceptance.suite import AccTest, ConfigStep, ImportStep

CONNECTIVITY = """package connectivity

type Region string

const (
	Hangzhou = Region("cn-hangzhou")
	Shanghai = Region("cn-shanghai")
)

var ShanghaiOnlyRegions = []Region{Shanghai}
"""

PROVIDER_TEST = """package alicloud

var defaultRegionToTest = os.Getenv("ALICLOUD_REGION")

const (
	CHECKSET  = "#CHECKSET"
	REMOVEKEY = "#REMOVEKEY"
)

func checkoutSupportedRegions(t *testing.T, supported bool, regions []connectivity.Region) {
	region := os.Getenv("ALICLOUD_REGION")
	for _, r := range regions {
		if region == string(r) {
			return
		}
	}
	os.Setenv("ALICLOUD_REGION", string(regions[0]))
	defaultRegionToTest = string(regions[0])
}
"""

VPC_TEST = """package alicloud

var vpcChecks = map[string]string{
	"status": CHECKSET,
}

func vpcDependence(name string) string {
	return fmt.Sprintf(`
variable "name" {
  default = "%s"
}
`, name)
}

func TestAccAliCloudVpcExample_basic(t *testing.T) {
	resourceId := "alicloud_vpc.default"
	ra := resourceAttrInit(resourceId, vpcChecks)
	rc := resourceCheckInitWithDescribeMethod(resourceId, &v, nil, "DescribeVpc")
	rac := resourceAttrCheckInit(rc, ra)
	testAccCheck := rac.resourceAttrMapUpdateSet()
	rand := acctest.RandIntRange(10000, 99999)
	name := fmt.Sprintf("tf-testAcc%sVpc%d", defaultRegionToTest, rand)
	testAccConfig := resourceTestAccConfigFunc(resourceId, name, vpcDependence)
	resource.Test(t, resource.TestCase{
		PreCheck: func() {
			checkoutSupportedRegions(t, true, connectivity.ShanghaiOnlyRegions)
		},
		IDRefreshName: resourceId,
		Steps: []resource.TestStep{
			{
				Config: testAccConfig(map[string]interface{}{
					"vpc_name":   "${var.name}",
					"user_cidrs": []string{"106.11.62.0/24"},
					"tags":       map[string]string{"For": "Test"},
				}),
				Check: resource.ComposeTestCheckFunc(
					testAccCheck(map[string]string{"vpc_name": name, "tags.%": "1"}),
				),
			},
			{
				ResourceName:            resourceId,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"dry_run"},
			},
			{
				Config: testAccConfig(map[string]interface{}{
					"tags":        REMOVEKEY,
					"description": name + "-update",
				}),
				Check: resource.ComposeTestCheckFunc(
					testAccCheck(map[string]string{"tags.%": REMOVEKEY, "description": name + "-update"}),
					resource.TestCheckResourceAttrSet(resourceId, "router_id"),
				),
			},
		},
	})
}

func TestAccAliCloudVpcExample_skipped(t *testing.T) {
	t.Skip("the provider team skips this one")
	resource.Test(t, resource.TestCase{})
}

func TestAccAliCloudVpcExample_runtime(t *testing.T) {
	tmpFile, _ := ioutil.TempFile("", "tf-test")
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{Config: fmt.Sprintf(`resource "alicloud_oss_bucket_object" "x" { source = "%s" }`, tmpFile.Name())},
		},
	})
}
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("provider") / "alicloud"
    (root / "connectivity").mkdir(parents=True)
    (root / "connectivity" / "regions.go").write_text(CONNECTIVITY)
    (root / "provider_test.go").write_text(PROVIDER_TEST)
    (root / "resource_alicloud_vpc_example_test.go").write_text(VPC_TEST)
    return root


@pytest.fixture(scope="module")
def extracted(source: Path) -> dict[str, AccTest]:
    data = extract.extract(extract.load(source))
    (entry,) = data.values()
    return {r["function"]: AccTest(r["function"], "alicloud/resource_alicloud_vpc_example_test.go", r["line"], r,
                                   tuple(entry["texts"])) for r in entry["tests"]}


def test_a_dsl_test_becomes_its_steps_with_configs_rendered_after_the_dependence(extracted):
    test = extracted["TestAccAliCloudVpcExample_basic"]
    assert test.status == "replayable" and test.resource == "alicloud_vpc.default"
    first, imported, last = test.steps()
    assert isinstance(first, ConfigStep) and isinstance(imported, ImportStep) and isinstance(last, ConfigStep)
    name = next(v for r, k, v in first.checks if k == "vpc_name")
    assert first.config.startswith(f'\nvariable "name" {{\n  default = "{name}"\n}}\n')
    assert 'resource "alicloud_vpc" "default" {' in first.config and '"106.11.62.0/24"' in first.config
    assert "tags = {\n" in first.config
    assert (imported.resource, imported.verify, imported.ignore) == ("alicloud_vpc.default", True, ("dry_run",))


def test_later_steps_merge_their_maps_and_removekey_drops_what_was_there(extracted):
    first, _, last = extracted["TestAccAliCloudVpcExample_basic"].steps()
    assert "tags" not in last.config and f'description = "{next(v for r, k, v in first.checks if k == "vpc_name")}' \
        in last.config and "user_cidrs" in last.config
    keys = {k: v for _, k, v in last.checks}
    assert "tags.%" not in keys and keys["status"] == "#CHECKSET" and keys["router_id"] == "#CHECKSET"
    assert keys["description"].endswith("-update") and keys["id"] == "#CHECKSET"  # rac also checks existence


def test_the_precheck_moves_the_test_to_a_supported_region_after_its_names_were_built(extracted):
    test = extracted["TestAccAliCloudVpcExample_basic"]
    assert test.region == "cn-shanghai"  # checkoutSupportedRegions ran in PreCheck, as resource.Test does
    name = next(v for _, k, v in test.steps()[0].checks if k == "vpc_name")
    assert name.startswith("tf-testAcccn-hangzhouVpc")  # built before PreCheck, with the CI's region


def test_a_test_that_skips_itself_and_one_needing_run_time_files_are_reported_not_guessed(extracted):
    assert extracted["TestAccAliCloudVpcExample_skipped"].status == "skip"
    assert extracted["TestAccAliCloudVpcExample_skipped"].reason == "the provider team skips this one"
    runtime = extracted["TestAccAliCloudVpcExample_runtime"]
    assert runtime.status == "error" and "run-time" in runtime.reason


def test_extracting_twice_writes_the_same_archive(source: Path, tmp_path: Path):
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    extract.write_archive(extract.extract(extract.load(source)), first)
    extract.write_archive(extract.extract(extract.load(source)), second)
    assert first.read_bytes() == second.read_bytes()
