from __future__ import annotations

import json

import pytest
from conftest import synth

from alicloud_ml.constructs.registry import ImageRegistry
from alicloud_ml.errors import InputError, InputErrors

OIDC = {"oidc_provider_arn": "acs:ram::123456789012:oidc-provider/github",
        "oidc_issuer": "https://token.actions.githubusercontent.com",
        "oidc_subject": "repo:team/images:ref:refs/heads/main"}


def test_registry_is_private_standard_edition_linked_to_the_vpc_with_no_internet_endpoint(stack, network):
    reg = ImageRegistry(stack, "Registry", network=network, props={"instance_name": "ml-dev-images"})

    out = synth(stack)

    instance = out.one("alicloud_cr_ee_instance")
    assert (instance["instance_type"], instance["payment_type"], instance["renewal_status"]) == (
        "Standard", "Subscription", "AutoRenewal")
    assert out.resources("alicloud_cr_internet_endpoint") == {}
    assert out.resources("alicloud_cr_endpoint_acl_policy") == {}
    link = out.one("alicloud_cr_vpc_endpoint_linked_vpc")
    assert link["module_name"] == "Registry" and link["enable_create_dns_record_in_pvzt"] is True
    assert link["vpc_id"].startswith("${alicloud_vpc.") and link["vswitch_id"].startswith("${alicloud_vswitch.")
    repos = out.resources("alicloud_cr_ee_repo").values()
    assert sorted(r["name"] for r in repos) == ["notebook", "serving", "training"]
    assert {(r["repo_type"], r["tag_immutability"]) for r in repos} == {("PRIVATE", True)}
    assert out.one("alicloud_cr_ee_namespace")["default_visibility"] == "PRIVATE"
    assert reg.image_uri("training", "2026.12") == f"{reg.vpc_domain}/ml/training:2026.12"
    outputs = out.doc["output"]
    assert any(o["value"] == reg.vpc_domain for o in outputs.values())
    assert reg.push_role is None and out.resources("alicloud_ram_role") == {}


def test_ci_push_role_trusts_one_oidc_subject_and_may_only_push_to_the_namespace(stack, network):
    ImageRegistry(stack, "Registry", network=network, props={"instance_name": "ml-dev-images",
                                                              "public_cidrs": ["203.0.113.0/24"], "ci": OIDC})

    out = synth(stack)

    trust = json.loads(out.one("alicloud_ram_role")["assume_role_policy_document"])
    (statement,) = trust["Statement"]
    assert statement["Principal"] == {"Federated": [OIDC["oidc_provider_arn"]]}
    assert statement["Condition"]["StringEquals"] == {"oidc:aud": "sts.aliyuncs.com", "oidc:iss": OIDC["oidc_issuer"],
                                                      "oidc:sub": OIDC["oidc_subject"]}
    policy = json.loads(out.one("alicloud_ram_policy")["policy_document"])
    token, push = policy["Statement"]
    assert token == {"Effect": "Allow", "Action": ["cr:GetAuthorizationToken"], "Resource": ["*"]}
    assert push["Action"] == ["cr:PullRepository", "cr:PushRepository"]
    (resource,) = push["Resource"]
    assert resource.startswith("acs:cr:cn-shanghai:*:repository/${alicloud_cr_ee_instance.") and resource.endswith("/ml/*")
    assert "AccessKey" not in json.dumps(out.doc) and "access_key" not in json.dumps(out.resources("alicloud_ram_role"))


def test_ci_push_role_can_trust_a_ram_role_instead(stack, network):
    arn = "acs:ram::123456789012:role/ci-runner"
    ImageRegistry(stack, "Registry", network=network, props={"instance_name": "ml-dev-images",
                                                              "ci": {"principal_arn": arn, "runner_in_vpc": True}})

    trust = json.loads(synth(stack).one("alicloud_ram_role")["assume_role_policy_document"])

    assert trust["Statement"][0]["Principal"] == {"RAM": [arn]}


def test_public_access_opens_only_the_listed_cidrs(stack, network):
    ImageRegistry(stack, "Registry", network=network,
                  props={"instance_name": "ml-dev-images", "public_cidrs": ["203.0.113.0/24"]})

    endpoint = synth(stack).one("alicloud_cr_internet_endpoint")

    assert endpoint["entries"] == [{"entry": "203.0.113.0/24", "comment": "registry.public_cidrs"}]


@pytest.mark.parametrize("cidr", ["0.0.0.0/0", "::/0"])
def test_world_open_public_access_is_refused(stack, network, cidr):
    with pytest.raises(InputError, match=r"public_cidrs: .* opens the registry to the whole internet"):
        ImageRegistry(stack, "Registry", network=network,
                      props={"instance_name": "ml-dev-images", "public_cidrs": [cidr]})


def test_oidc_trust_without_a_subject_is_refused(stack, network):
    with pytest.raises((InputError, InputErrors), match=r"ci.oidc_subject: oidc_provider_arn needs"):
        ImageRegistry(stack, "Registry", network=network, props={
            "instance_name": "ml-dev-images",
            "ci": {"oidc_provider_arn": OIDC["oidc_provider_arn"], "oidc_issuer": OIDC["oidc_issuer"]}})


def test_the_vpc_domain_is_read_from_the_instances_vpc_endpoint_not_spelled_from_its_name(stack, network):
    # GIVEN a registry  WHEN its VPC domain is used (node pools and EAS pull from it)
    reg = ImageRegistry(stack, "Registry", network=network, props={"instance_name": "ml-dev-images"})
    # THEN it is the provider's own report: the `vpc` endpoint of instance_endpoints (computed since v1.240.0)
    address = "alicloud_cr_ee_instance." + next(iter(synth(stack).resources("alicloud_cr_ee_instance")))
    assert reg.vpc_domain.startswith("${") and f"{address}.instance_endpoints" in reg.vpc_domain
    assert 'e.endpoint_type == "vpc"' in reg.vpc_domain and "registry-vpc" not in reg.vpc_domain


@pytest.mark.parametrize("ci", [OIDC, {"principal_arn": "acs:ram::123456789012:role/ci-runner"}])
def test_a_ci_push_role_for_a_vpc_only_registry_needs_public_cidrs_or_a_runner_in_the_vpc(stack, network, ci):
    # GIVEN a CI push role and no internet endpoint: a new ACR EE instance admits no traffic but what is enabled
    with pytest.raises((InputError, InputErrors), match=r"Registry: ci: a CI push role but no way for the runner "
                       r"to reach the registry.*accepted: public_cidrs = .*or ci.runner_in_vpc = true"):
        ImageRegistry(stack, "Registry", network=network, props={"instance_name": "ml-dev-images", "ci": ci})
    # THEN stating that the runner is inside the VPC is accepted, and so are public CIDRs
    ImageRegistry(stack, "InVpc", network=network, props={"instance_name": "ml-dev-a", "ci": {**ci, "runner_in_vpc": True}})
    ImageRegistry(stack, "Public", network=network, props={"instance_name": "ml-dev-b", "ci": ci,
                                                           "public_cidrs": ["203.0.113.0/24"]})


def test_unknown_repository_is_a_key_error(stack, network):
    reg = ImageRegistry(stack, "Registry", network=network, props={"instance_name": "ml-dev-images"})

    with pytest.raises(KeyError, match="no repository 'nope'"):
        reg.image_uri("nope", "1")
