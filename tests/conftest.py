"""Suite-wide settings: no network, no user Terraform config, quiet jsii on node 20."""

import os

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ["CHECKPOINT_DISABLE"] = "1"  # terraform must not phone home
os.environ["TF_IN_AUTOMATION"] = "1"
# Globally unique names end in a per-checkout suffix (.alicloud-ml/name-suffix); tests pin theirs instead.
os.environ.setdefault("ALICLOUD_ML_NAME_SUFFIX", "t3st1")
