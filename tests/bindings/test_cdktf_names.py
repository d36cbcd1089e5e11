"""Every name cdktf's own generator gives the alicloud provider's types is reachable in our bindings.

cdktf 0.21's provider generator (`@cdktf/provider-generator` in node_modules) parses the schema the
emulator serves (`terraform providers schema -json`, what `cdktf get` reads); `cdktf_names.js`
spells its names as jsii's Python target does. For each of the 1,964 types: the module, the class,
every constructor keyword (positional names included), every struct class and struct keyword must be
reachable under cdktf's spelling (ours may differ: cdktf's is then an alias). The figures are printed.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cdktf_cdktf_provider_alicloud._l1 import META
from cdktf_cdktf_provider_alicloud._spec import tf_name
from tests.tools import require

REPO = Path(__file__).resolve().parents[2]
PROVIDER_CREDENTIALS = {"access_key", "secret_key", "security_token"}  # refused by design (README)


@pytest.fixture(scope="module")
def cdktf_names(tmp_path_factory: pytest.TempPathFactory, emulator_config: Path) -> list[dict[str, Any]]:
    require("terraform")
    node = REPO / "node_modules" / ".bin" / "node"
    if not node.exists():
        pytest.fail("node_modules is missing: run `make install`")
    work = tmp_path_factory.mktemp("schema")
    (work / "main.tf.json").write_text(json.dumps({
        "terraform": {"required_providers": {"alicloud": {"source": "aliyun/alicloud", "version": "1.289.0"}}}}))
    env = dict(os.environ, TF_CLI_CONFIG_FILE=str(emulator_config), CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1")
    subprocess.run(["terraform", "init", "-input=false", "-no-color"], cwd=work, env=env, check=True,
                   capture_output=True, timeout=300)
    schema = subprocess.run(["terraform", "providers", "schema", "-json"], cwd=work, env=env, check=True,
                            capture_output=True, timeout=300).stdout
    (work / "schema.json").write_bytes(schema)
    subprocess.run([str(node), "tests/bindings/cdktf_names.js", str(work / "schema.json"), str(work / "names.json")],
                   cwd=REPO, env=env, check=True, capture_output=True, timeout=300)
    return json.loads((work / "names.json").read_text())


def _accepts(cls: type, keyword: str, positional: list[str]) -> bool:
    params = inspect.signature(cls.__init__).parameters
    if keyword in params and params[keyword].kind is not inspect.Parameter.VAR_KEYWORD:
        return True
    return keyword in META or tf_name(cls._SPEC, cls._ALIASES, keyword) is not None


def _reachability(entry: dict[str, Any]) -> tuple[bool, list[str], list[str], list[str]]:
    """(class reachable, keywords missing, struct classes missing, struct keywords missing) of one type."""
    module = importlib.import_module(f"cdktf_cdktf_provider_alicloud.{entry['module']}")
    cls = getattr(module, entry["class"], None)
    data = entry["kind"] == "data_source"
    tf_type = "alicloud" if entry["kind"] == "provider" else entry["type"]
    class_ok = cls is not None and cls.TF_TYPE == tf_type and cls.__mro__[1].__name__ != ("Resource" if data else "")
    if cls is None:
        return False, entry["keywords"], [s["name"] for s in entry["structs"]], []
    params = list(inspect.signature(cls.__init__).parameters)[1:3]
    missing_kw = [k for k in entry["keywords"] if not _accepts(cls, k, params) and k not in PROVIDER_CREDENTIALS]
    missing_kw += [f"positional {p}" for p, ours in zip(entry["positional"], params) if p != ours]
    missing_structs, missing_struct_kw = [], []
    for struct in entry["structs"]:
        target = getattr(module, struct["name"], None)  # Config and block structs; object structs are lazy
        if target is None:
            missing_structs.append(struct["name"])
            continue
        spec = getattr(target, "_SPEC", None)
        if isinstance(target, type) and hasattr(target, "_RESOURCE"):  # a Config: the type's keywords again
            continue
        missing_struct_kw += [f"{struct['name']}.{k}" for k in struct["keywords"]
                              if spec is not None and tf_name(spec, target._ALIASES, k) is None]
    return class_ok, missing_kw, missing_structs, missing_struct_kw


def test_every_class_name_and_keyword_cdktf_gives_is_reachable(cdktf_names, capsys):
    types = [e for e in cdktf_names if e["kind"] != "provider"]
    results = {e["type"] + ("#data" if e["kind"] == "data_source" else ""): _reachability(e) for e in cdktf_names}
    classes = sum(results[e["type"] + ("#data" if e["kind"] == "data_source" else "")][0] for e in types)
    keywords = sum(not results[e["type"] + ("#data" if e["kind"] == "data_source" else "")][1] for e in types)
    total_structs = sum(len(e["structs"]) for e in cdktf_names)
    struct_gaps = sum(len(r[2]) + len({k.split(".")[0] for k in r[3]}) for r in results.values())
    with capsys.disabled():
        print(f"\ncdktf names over {len(types)} types: class names reachable {classes}/{len(types)} "
              f"({100 * classes / len(types):.1f} %), all constructor keywords reachable {keywords}/{len(types)} "
              f"({100 * keywords / len(types):.1f} %); structs (config, block, object) with their keywords "
              f"{total_structs - struct_gaps}/{total_structs}")
    assert len(types) == 1964
    gaps = {name: r for name, r in results.items() if not r[0] or r[1] or r[2] or r[3]}
    assert gaps == {}, json.dumps(dict(list(gaps.items())[:10]), indent=1)
