"""`python -m alicloud_ml`: the `alicloud-ml` CLI, for when only the interpreter's path is known."""

from alicloud_ml.cli import main

main()
