"""`python -m alicloud_ml.emulator`: what the installed provider launcher runs."""

import sys

from alicloud_ml.emulator.server import serve

sys.exit(serve())
