"""Synthesize every converted app under a folder in one process (one CDK runtime for all of them).

Run: python -m tests.convert.synth_apps FOLDER -> prints {app: error} as JSON for the apps that failed.
Each app is run as `python main.py` would run it, from its own folder (its `cdktf.out/` lands there:
the node runtime keeps the folder this process started in, so `App()` gets the app's folder explicitly).
"""

import json
import os
import runpy
import sys
import traceback
from pathlib import Path

from alicloud_ml._cdk import cdk

_app_init = cdk.App.__init__


def _app_in_cwd(self, **kwargs):  # type: ignore[no-untyped-def]
    _app_init(self, **{"outdir": str(Path.cwd() / "cdktf.out"), **kwargs})


cdk.App.__init__ = _app_in_cwd
failed = {}
for app in sorted(p for p in Path(sys.argv[1]).iterdir() if (p / "main.py").is_file()):
    os.chdir(app)
    try:
        runpy.run_path("main.py", run_name="__main__")
    except BaseException as exc:  # noqa: BLE001 - an app's failure is data here
        failed[app.name] = "".join(traceback.format_exception_only(exc)).strip()[-600:]
print(json.dumps(failed))
