"""`python -m alicloud_ml.emulator`: what the installed provider launcher runs (Terraform passes no arguments).

`python -m alicloud_ml.emulator seed FILE [--state DIR] [--region REGION ...]` seeds an emulated cloud
with pre-existing objects instead (`alicloud_ml.emulator.seed`). `... daemon SOCKET [READY_FD]` is the warm
fork server the launcher starts (`alicloud_ml.emulator.forkserver`).
"""

import sys

if len(sys.argv) > 1 and sys.argv[1] == "seed":
    from alicloud_ml.emulator.seed_cli import main

    sys.exit(main(sys.argv[2:]))

if len(sys.argv) > 1 and sys.argv[1] == "daemon":
    from alicloud_ml.emulator.forkserver import main as daemon

    sys.exit(daemon(sys.argv[2:]))

from alicloud_ml.emulator.server import serve

sys.exit(serve())
