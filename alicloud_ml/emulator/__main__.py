"""`python -m alicloud_ml.emulator`: what the installed provider launcher runs (Terraform passes no arguments).

`python -m alicloud_ml.emulator seed FILE [--state DIR] [--region REGION ...]` seeds an emulated cloud
with pre-existing objects instead (`alicloud_ml.emulator.seed`).
"""

import sys

if len(sys.argv) > 1 and sys.argv[1] == "seed":
    from alicloud_ml.emulator.seed_cli import main

    sys.exit(main(sys.argv[2:]))

from alicloud_ml.emulator.server import serve

sys.exit(serve())
