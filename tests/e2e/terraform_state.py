"""What end-to-end tests assert on: Terraform's state and the synthesized stacks, never the CLI's chatter.

The cdktf/cdktn CLIs run `terraform apply/destroy` in a pseudo-terminal and stop reading it when the
process exits (cli-core `pty-process.js`: the exit promise resolves on node-pty's `onExit`); on a
loaded machine the last lines (`Apply complete! ...`, `Destroy complete! ...`) can still be in the
terminal's buffer then and never reach the output. The state file is written before Terraform exits.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path


def state_addresses(state_file: Path) -> list[str]:
    """`terraform state list` of a local state file (no init, no providers needed); [] when there is none."""
    if not state_file.is_file():
        return []
    env = dict(os.environ, TF_CLI_CONFIG_FILE=os.devnull, CHECKPOINT_DISABLE="1")
    listed = subprocess.run(["terraform", "state", "list", f"-state={state_file}"], cwd=state_file.parent,
                            env=env, capture_output=True, text=True, timeout=120, check=True)
    return listed.stdout.split()


def state_serial(state_file: Path) -> tuple[str, int]:
    """(lineage, serial): Terraform bumps the serial on every write of a changed state."""
    state = json.loads(state_file.read_text())
    return state["lineage"], state["serial"]


def state_objects(state_file: Path, stack_json: Path | None = None) -> tuple[str, dict[str, object]]:
    """(lineage, every resource instance's attributes by address): equal before and after an apply that
    changed nothing. The serial is not: Terraform rewrites the state when it only reorders an instance's
    `sensitive_attributes`, which are not part of the comparison. Given the synthesized stack, attributes a
    resource lists in `lifecycle.ignore_changes` are left out: the refresh before the next apply reads what
    another resource wrote into them (an OSS bucket's encryption set by its split resource), as on the cloud."""
    state = json.loads(state_file.read_text())
    ignored = _ignored_changes(stack_json) if stack_json else {}
    return state["lineage"], {
        f"{r['type']}.{r['name']}[{i}]": {k: v for k, v in instance["attributes"].items()
                                          if k not in ignored.get(f"{r['type']}.{r['name']}", ())}
        for r in state["resources"] for i, instance in enumerate(r["instances"])}


def _ignored_changes(stack_json: Path) -> dict[str, set[str]]:
    resources = json.loads(stack_json.read_text()).get("resource", {})
    return {f"{kind}.{name}": set(body.get("lifecycle", {}).get("ignore_changes") or ())
            for kind, named in resources.items() for name, body in named.items()}


def synthesized_addresses(stack_json: Path) -> list[str]:
    """Every address a synthesized `cdk.tf.json` declares (`type.name`, `data.type.name`), sorted."""
    doc = json.loads(stack_json.read_text())
    return sorted([f"{kind}.{name}" for kind, named in doc.get("resource", {}).items() for name in named]
                  + [f"data.{kind}.{name}" for kind, named in doc.get("data", {}).items() for name in named])
