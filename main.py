"""The cdktf app (`cdktf.json` runs it): one stack per environment, synthesized and gated.

`npx cdktf synth`, `npx cdktf deploy` and `python main.py` all come through here. The policy
gate runs after synth and exits 1 on a blocking finding, so Terraform never sees a
violating stack; bad input in `stacks/envs/*.toml` exits 2 with the file and field.

Environment:
  ALICLOUD_ML_ENVS     comma-separated env names to build (default: every stacks/envs/*.toml)
  ALICLOUD_ML_CONFIGS  other platform TOML files to build, separated by os.pathsep (`alicloud-ml synth
                       --config` sets it); when set, ALICLOUD_ML_ENVS defaults to none
  ALICLOUD_ML_FAIL_ON  gate threshold: low | medium | high (default) | critical
  ALICLOUD_ML_GATE     set to 0 to skip the gate (for debugging only; never in CI)
"""

import os

from alicloud_ml.synth import exit_now, run_app
from stacks.ml_platform import build_app


def main() -> int:
    envs = [e.strip() for e in os.environ.get("ALICLOUD_ML_ENVS", "").split(",") if e.strip()] or None
    configs = [c for c in os.environ.get("ALICLOUD_ML_CONFIGS", "").split(os.pathsep) if c.strip()]
    return run_app(
        lambda app: build_app(app, envs, config_files=configs),
        gate=os.environ.get("ALICLOUD_ML_GATE", "1") != "0",
        fail_on=os.environ.get("ALICLOUD_ML_FAIL_ON", "high"),
    )


if __name__ == "__main__":
    exit_now(main())
