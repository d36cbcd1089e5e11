"""Suite-wide settings: no network, no user Terraform config, jsii on the project's Node 22."""

import os

os.environ["CHECKPOINT_DISABLE"] = "1"  # terraform must not phone home
os.environ["TF_IN_AUTOMATION"] = "1"
# Globally unique names end in a per-checkout suffix (.alicloud-ml/name-suffix); tests pin theirs instead.
os.environ.setdefault("ALICLOUD_ML_NAME_SUFFIX", "t3st1")
