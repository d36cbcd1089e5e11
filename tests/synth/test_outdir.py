"""A published cdktf.out keeps what the CDK CLI and Terraform expect from the one it replaces."""

from __future__ import annotations

from pathlib import Path

from alicloud_ml.outdir import CLI_MARKER_ENV, LOCK_FILE_ENV, LOCK_FILE_NAME, prepare


def tree(root: Path, *stacks: str) -> Path:
    for stack in stacks:
        (root / "stacks" / stack).mkdir(parents=True)
        (root / "stacks" / stack / "cdk.tf.json").write_text("{}")
    return root


def test_under_the_cdk_cli_the_directories_of_stacks_that_are_gone_stay_for_the_cli_to_delete(tmp_path):
    old, new = tree(tmp_path / "old", "ml-dev", "ml-state"), tree(tmp_path / "new", "ml-team", "ml-state")
    (old / "stacks" / "ml-state" / "cdk.tf.json").write_text('{"old": true}')

    prepare(new, old, {CLI_MARKER_ENV: "true"})

    assert sorted(p.name for p in (new / "stacks").iterdir()) == ["ml-dev", "ml-state", "ml-team"]
    assert (new / "stacks" / "ml-state" / "cdk.tf.json").read_text() == "{}"  # kept stacks are the new synth's


def test_without_the_cli_nothing_of_the_old_tree_is_kept(tmp_path):
    old, new = tree(tmp_path / "old", "ml-dev"), tree(tmp_path / "new", "ml-team")

    prepare(new, old, {})

    assert [p.name for p in (new / "stacks").iterdir()] == ["ml-team"]


def test_the_named_lock_file_is_placed_in_every_stack_directory(tmp_path):
    lock = tmp_path / "terraform.lock.hcl"
    lock.write_text('provider "registry.terraform.io/aliyun/alicloud" {}\n')
    new = tree(tmp_path / "new", "ml-dev", "ml-state")

    prepare(new, tmp_path / "absent", {LOCK_FILE_ENV: str(lock)})

    assert all((new / "stacks" / s / LOCK_FILE_NAME).read_text() == lock.read_text() for s in ("ml-dev", "ml-state"))
