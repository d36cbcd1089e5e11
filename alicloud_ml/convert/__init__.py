"""HCL → a Python cdktf app on the prebuilt bindings: cdktf's own converter, run offline.

`cdktf convert` is a thin wrapper: it reads the provider schema (`terraform init` and
`terraform providers schema -json` in a scratch directory) and calls `@cdktf/hcl2cdk`'s
`convert(hcl, {language: "python", providerSchema, codeContainer})`. This module does the same, with
the schema from the emulator's filesystem mirror of aliyun/alicloud (so no registry is needed), for
any number of inputs in one node process (`hcl2python.js`). Its output imports `cdktf get` bindings
(`imports.alicloud.<type>`); `app_source` points those imports at `cdktf_cdktf_provider_alicloud`,
pins the provider for configurations that rely on the implied one, and adds the lines that make it
a runnable app.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from alicloud_ml.convert import literals
from alicloud_ml.convert.repair import repair
from alicloud_ml.errors import InputError
from alicloud_ml.node_runtime import project_node_bin

SCRIPT = Path(__file__).with_name("hcl2python.js")
PROVIDER_SOURCE, PROVIDER_VERSION = "aliyun/alicloud", "1.289.0"
STACK_CLASS = "MyConvertedCode"  # what hcl2cdk names the stack class it writes


@dataclass
class Converted:
    name: str
    source: str  # the input file or directory
    code: str = ""  # cdktf convert's Python, as it wrote it
    error: str = ""


def read_hcl(path: Path) -> str:
    """The configuration in a `.tf` file, or in every `.tf` file of a directory (one module), as convert takes it."""
    if path.is_dir():
        files = sorted(path.glob("*.tf"))
        if not files:
            raise InputError(str(path), "", "no .tf files in this directory", "a .tf file or a directory of them")
        return "\n".join(f.read_text(encoding="utf-8") for f in files)
    if path.suffix != ".tf" or not path.is_file():
        raise InputError(str(path), "", "not a .tf file or a directory", "a .tf file or a directory of them")
    return path.read_text(encoding="utf-8")


def _project_dir() -> Path:
    bin_dir = project_node_bin() or project_node_bin(Path(__file__).resolve().parent)
    if bin_dir is None or not (bin_dir.parent / "@cdktf" / "hcl2cdk").is_dir():
        raise InputError("node_modules", "@cdktf/hcl2cdk", "cdktf's converter is not installed here",
                         "run `npm ci` in a project whose package.json has cdktf-cli (alicloud-ml init --app writes one)")
    return bin_dir.parents[1]


def provider_schema(workdir: Path) -> Path:
    """`terraform providers schema -json` for aliyun/alicloud, served offline by the emulator (as `cdktf get`
    and `cdktf convert` read it, with the emulator's TF_CLI_CONFIG_FILE)."""
    from alicloud_ml.emulator.install import install

    config = install(workdir / "emulator")
    scratch = workdir / "schema"
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "main.tf.json").write_text(json.dumps({"terraform": {"required_providers": {
        "alicloud": {"source": PROVIDER_SOURCE, "version": PROVIDER_VERSION}}}}))
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(config), CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1")
    for command in (["init", "-input=false", "-no-color"], ["providers", "schema", "-json"]):
        result = subprocess.run(["terraform", *command], cwd=scratch, env=env, capture_output=True, text=True,
                                timeout=600)
        if result.returncode != 0:
            raise InputError("terraform", " ".join(command), "failed reading the provider schema",
                             hint=(result.stderr or result.stdout).strip()[-500:])
    (workdir / "schema.json").write_text(result.stdout)
    return workdir / "schema.json"


def convert(paths: list[Path]) -> list[Converted]:
    """Run cdktf's converter on each input (a .tf file or a directory)."""
    inputs = [Converted(_name(path, i, paths), str(path)) for i, path in enumerate(paths)]
    protected = [literals.protect(read_hcl(path)) for path in paths]
    project = _project_dir()
    with tempfile.TemporaryDirectory(prefix="alicloud-ml-convert-") as tmp:
        work = Path(tmp)
        schema = provider_schema(work)
        (work / "request.json").write_text(json.dumps({"schema": str(schema), "inputs": [
            {"name": item.name, "hcl": text} for item, (text, _) in zip(inputs, protected)]}))
        result = subprocess.run([str(project / "node_modules" / ".bin" / "node"), str(SCRIPT), str(project),
                                 str(work / "request.json"), str(work / "result.json")],
                                capture_output=True, text=True, timeout=1800,
                                env=dict(os.environ, TF_CLI_CONFIG_FILE=str(work / "emulator" / "terraform.rc")))
        if not (work / "result.json").is_file():
            raise InputError("cdktf convert", "", "the converter stopped", hint=result.stderr.strip()[-800:])
        for item, out, (_, values) in zip(inputs, json.loads((work / "result.json").read_text()), protected):
            item.code, item.error = literals.restore(out.get("code", ""), values), out.get("error", "")
    return inputs


def _name(path: Path, index: int, paths: list[Path]) -> str:
    stem = path.stem if path.is_file() else path.name
    names = [p.stem if p.is_file() else p.name for p in paths]
    return stem if names.count(stem) == 1 else f"{stem}_{index + 1}"


_IMPORT = re.compile(r"^from imports\.alicloud\.(\w+) import ", re.M)
_GET_COMMENT = re.compile(r"^#\n# Provider bindings are generated by running `cdktf get`\.\n# See .*\n#\n", re.M)
_STACK_INIT = re.compile(rf"^(class {STACK_CLASS}\(TerraformStack\):\n    def __init__\(self, scope, name\):\n"
                         r"        super\(\).__init__\(scope, name\)\n)", re.M)


def app_source(code: str, stack: str, library: str = "cdktf") -> str:
    """cdktf convert's Python as an app on `cdktf_cdktf_provider_alicloud` that synthesizes `stack`."""
    from cdktf_cdktf_provider_alicloud._index import CONVERT_MODULES

    code = _GET_COMMENT.sub("", repair(code))
    code = _IMPORT.sub(lambda m: f"from cdktf_cdktf_provider_alicloud.{CONVERT_MODULES.get(m[1], m[1])} import ", code)
    if "AlicloudProvider(" not in code:  # the configuration relies on the implied provider: pin its source
        code = _STACK_INIT.sub(
            r"\1        # aliyun/alicloud, as `terraform init` resolves the implied provider for this configuration\n"
            rf'        self.add_override("terraform.required_providers.alicloud", {{"source": "{PROVIDER_SOURCE}", '
            rf'"version": "{PROVIDER_VERSION}"}})' "\n", code, count=1)
    code = code.replace("from constructs import Construct\n", "from constructs import Construct\nfrom cdktf import App\n", 1)
    if library != "cdktf":
        code = re.sub(r"^from cdktf import ", f"from {library} import ", code, flags=re.M)
    return (f'"""Converted from HCL by `alicloud-ml convert` (cdktf convert, on cdktf_cdktf_provider_alicloud)."""\n'
            f"{code.rstrip()}\n\n\napp = App()\n{STACK_CLASS}(app, {stack!r})\napp.synth()\n")


def write_app(out_dir: Path, main: str) -> None:
    """`main.py` and a `cdktf.json` (so `cdktf synth` works too), written beside and renamed into place."""
    staging = out_dir.with_name(f".{out_dir.name}.tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    (staging / "main.py").write_text(main, encoding="utf-8")
    (staging / "cdktf.json").write_text(json.dumps({"language": "python", "app": "python3 main.py",
                                                    "terraformProviders": [], "context": {}}, indent=2) + "\n")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    staging.rename(out_dir)
