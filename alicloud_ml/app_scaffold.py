"""A team's own cdktf app, complete enough to deploy offline at once (`alicloud-ml init --app`).

Another team's path is: install the package, scaffold, `npm ci`, `make deploy`. The scaffold holds
what they would otherwise guess: `cdktf.json` with the language, a `main.py` that synthesizes
through the policy gate, the pinned Node 22 and CDK CLIs (the toolkit's own package-lock.json),
and a Makefile that sets the offline flags and the emulator's Terraform config.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from alicloud_ml.errors import InputError
from alicloud_ml.naming import NAME_SUFFIX_PATTERN
from alicloud_ml.output import write_report

#: The app name is the stack name and the start of the state bucket's name `<app>-tfstate-<suffix>` (OSS: 3-63
#: lowercase letters, digits and '-', https://www.alibabacloud.com/help/en/oss/user-guide/bucket-naming-conventions).
APP_NAME_PATTERN = r"^[a-z][a-z0-9-]{1,40}[a-z0-9]$"
APP_NAME_ACCEPTED = "3 to 42 lowercase letters, digits or '-', starting with a letter, not ending with '-'"
TEMPLATES = {"main.py": "main.py.template", "cdktf.json": "cdktf.json.template", "Makefile": "Makefile.template",
             ".gitignore": "gitignore.template", ".npmrc": "npmrc.template"}
NPM_FILES = ("package.json", "package-lock.json")


def render_app(name: str, region: str, name_suffix: str) -> dict[str, str]:
    """File name -> text of the scaffold for app `name` (also its stack) in `region`; `name_suffix` ends its global
    names (the state bucket) and is written into main.py, so every checkout of the app uses the same ones."""
    if not re.fullmatch(APP_NAME_PATTERN, name):
        raise InputError("--name", "", f"invalid app name {name!r}", APP_NAME_ACCEPTED)
    if not re.fullmatch(NAME_SUFFIX_PATTERN, name_suffix):
        raise InputError("name_suffix", "", f"invalid name suffix {name_suffix!r}", NAME_SUFFIX_PATTERN)
    folder = resources.files("alicloud_ml") / "app_template"
    values = {"app": name, "region": region, "service": f"{name.replace('-', '_')}_model", "suffix": name_suffix}
    files = {target: _fill((folder / source).read_text(encoding="utf-8"), values) for target, source in TEMPLATES.items()}
    for npm_file in NPM_FILES:  # the toolkit's own pins, under the app's name
        data = json.loads((folder / npm_file).read_text(encoding="utf-8"))
        data["name"] = name
        if "" in data.get("packages", {}):
            data["packages"][""]["name"] = name
        data.pop("description", None)
        files[npm_file] = json.dumps(data, indent=2) + "\n"
    return files


def _fill(template: str, values: dict[str, str]) -> str:
    """`{{key}}` placeholders: Makefiles and Python both use `$`, so string.Template cannot be used."""
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", value)
    return template


def write_app(directory: Path, name: str, region: str, *, name_suffix: str, force: bool = False) -> list[Path]:
    """Write the scaffold into `directory`; refuses to overwrite any existing file unless `force`."""
    files = render_app(name, region, name_suffix)
    existing = [directory / f for f in files if (directory / f).exists()]
    if existing and not force:
        raise InputError(str(existing[0]), "", "file exists", hint="pass --force to overwrite, or pick another DIR")
    written = []
    for file_name, text in files.items():
        write_report(directory / file_name, text, option="DIR")
        written.append(directory / file_name)
    return written
