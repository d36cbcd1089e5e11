"""The RAM policy evaluator follows RAM's rules: deny by default, explicit deny wins, wildcards, conditions."""

from __future__ import annotations

import json

import pytest

from alicloud_ml.ram_policy import ANY_NAME, Decision, UnsupportedPolicy, allows, could_allow, evaluate


def doc(*statements: dict) -> str:
    return json.dumps({"Version": "1", "Statement": list(statements)})


READ_DOCS = {"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": ["acs:oss:*:123:docs/*"]}


def test_nothing_is_allowed_without_a_matching_allow() -> None:
    assert evaluate([doc(READ_DOCS)], "oss:PutObject", "acs:oss:*:123:docs/a.txt") is Decision.IMPLICIT_DENY
    assert evaluate([doc(READ_DOCS)], "oss:GetObject", "acs:oss:*:123:other/a.txt") is Decision.IMPLICIT_DENY
    assert evaluate([], "oss:GetObject", "acs:oss:*:123:docs/a.txt") is Decision.IMPLICIT_DENY


def test_an_explicit_deny_in_any_policy_wins_over_every_allow() -> None:
    deny = {"Effect": "Deny", "Action": "oss:*", "Resource": "acs:oss:*:123:docs/secret/*"}
    assert allows([doc(READ_DOCS)], "oss:GetObject", "acs:oss:*:123:docs/secret/x")
    assert evaluate([doc(READ_DOCS), doc(deny)], "oss:GetObject", "acs:oss:*:123:docs/secret/x") \
        is Decision.EXPLICIT_DENY
    assert allows([doc(READ_DOCS), doc(deny)], "oss:GetObject", "acs:oss:*:123:docs/public/x")


def test_action_wildcards_match_case_insensitively_and_resources_exactly() -> None:
    policy = doc({"Effect": "Allow", "Action": "kms:Get*", "Resource": "acs:kms:cn-shanghai:123:secret/db-?"})
    assert allows([policy], "KMS:GetSecretValue", "acs:kms:cn-shanghai:123:secret/db-1")
    assert not allows([policy], "kms:Decrypt", "acs:kms:cn-shanghai:123:secret/db-1")
    assert not allows([policy], "kms:GetSecretValue", "acs:kms:cn-shanghai:123:SECRET/db-1")
    assert not allows([policy], "kms:GetSecretValue", "acs:kms:cn-shanghai:123:secret/db-10")


def test_not_action_allows_everything_else() -> None:
    policy = doc({"Effect": "Allow", "NotAction": "ram:*", "Resource": "*"})
    assert allows([policy], "oss:GetObject", "acs:oss:*:123:docs/a")
    assert not allows([policy], "ram:CreateRole", "*")


@pytest.mark.parametrize(("context", "allowed"), [
    ({"oss:Prefix": "train/2026"}, True), ({"oss:Prefix": "eval/2026"}, False), ({}, False)])
def test_string_like_conditions_must_hold(context: dict, allowed: bool) -> None:
    policy = doc({**READ_DOCS, "Condition": {"StringLike": {"oss:Prefix": ["train/*"]}}})
    assert allows([policy], "oss:GetObject", "acs:oss:*:123:docs/a", context) is allowed


def test_ip_conditions_and_unknown_operators() -> None:
    policy = doc({**READ_DOCS, "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}})
    assert allows([policy], "oss:GetObject", "acs:oss:*:123:docs/a", {"acs:SourceIp": "10.1.2.3"})
    assert not allows([policy], "oss:GetObject", "acs:oss:*:123:docs/a", {"acs:SourceIp": "192.168.0.1"})
    with pytest.raises(UnsupportedPolicy, match="DateLessThan"):
        evaluate([doc({**READ_DOCS, "Condition": {"DateLessThan": {"acs:CurrentTime": "2030-01-01"}}})],
                 "oss:GetObject", "acs:oss:*:123:docs/a")


def test_could_allow_tells_a_resource_shape_that_no_statement_grants() -> None:
    policy = doc({"Effect": "Allow", "Action": "kms:GetSecretValue", "Resource": "acs:kms:cn-shanghai:*:secret/*"},
                 {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "acs:kms:cn-shanghai:*:key/*"})
    key, secret = (f"acs:kms:cn-shanghai:{ANY_NAME}:{kind}/{ANY_NAME}" for kind in ("key", "secret"))
    assert could_allow([policy], "kms:Decrypt", key)
    assert not could_allow([policy], "kms:Decrypt", secret)
    assert not could_allow([doc(READ_DOCS)], "kms:Decrypt", key)
    assert could_allow([doc(READ_DOCS)], "oss:GetObject", f"acs:oss:*:{ANY_NAME}:docs/{ANY_NAME}")
    assert not could_allow([doc(READ_DOCS)], "oss:GetObject", f"acs:oss:*:{ANY_NAME}:logs/{ANY_NAME}")
