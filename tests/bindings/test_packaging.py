"""The bindings are generated at build time: the sdists ship none, the wheels built from them ship a fresh
generation, and building twice gives the same bytes. Two packages: cdktf-cdktf-provider-alicloud (one
module per type, importable without the toolkit) and alicloud-ml-cdk (with its per-service view of it).

Builds run offline with the packaging environment `make install` creates (`.venv/build-env`), on a
copy of the repository's tracked files, as a clean checkout would have them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from alicloud_ml.codegen.generate import PACKAGE, render, render_bindings

REPO = Path(__file__).resolve().parents[2]
BINDINGS_PROJECT = Path("packages") / "cdktf-cdktf-provider-alicloud"
BUILD_PYTHON = REPO / ".venv" / "build-env" / "bin" / "python"


def _clean_checkout(dest: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout.split(b"\0")
    for name in filter(None, files):
        source = REPO / name.decode()
        if source.is_file():
            (dest / name.decode()).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name.decode())
    return dest


def _build(checkout: Path, outdir: Path) -> tuple[Path, Path]:
    if not BUILD_PYTHON.exists():
        pytest.fail(f"{BUILD_PYTHON} is missing: run `make install` (it creates the packaging environment)")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")  # 2026-01-01: the same timestamps in every build
    result = subprocess.run([str(BUILD_PYTHON), "-m", "build", "--no-isolation", "--outdir", str(outdir), str(checkout)],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "DeprecationWarning" not in result.stdout + result.stderr  # e.g. setuptools' license-table warning
    (sdist,), (wheel,) = outdir.glob("*.tar.gz"), outdir.glob("*.whl")
    return sdist, wheel


def _python_on(site: Path, code: str) -> list[str]:
    """The output lines of `code` run with only `site` (unpacked wheels) added to the path."""
    result = subprocess.run([sys.executable, "-c", code], cwd=site.parent, env=dict(os.environ, PYTHONPATH=str(site)),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def _provider_files(wheel: Path, folder: str = "alicloud_ml/provider/") -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as zf:
        return {n[len(folder):]: zf.read(n) for n in zf.namelist() if n.startswith(folder) and "/" not in n[len(folder):]}


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _clean_checkout(tmp_path_factory.mktemp("checkout"))


@pytest.fixture(scope="module")
def all_builds(checkout: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, tuple[Path, Path]]]:
    """Two builds of both packages: {"toolkit": (sdist, wheel), "bindings": (sdist, wheel)} each."""
    return [{"toolkit": _build(checkout, tmp_path_factory.mktemp(f"dist{i}")),
             "bindings": _build(checkout / BINDINGS_PROJECT, tmp_path_factory.mktemp(f"bindings{i}"))}
            for i in range(2)]


@pytest.fixture(scope="module")
def builds(all_builds) -> list[tuple[Path, Path]]:
    return [b["toolkit"] for b in all_builds]


@pytest.fixture(scope="module")
def binding_builds(all_builds) -> list[tuple[Path, Path]]:
    return [b["bindings"] for b in all_builds]


def test_the_bindings_package_builds_from_its_sdist_reproducibly_and_imports_without_the_toolkit(binding_builds,
                                                                                                 tmp_path):
    # one test: the two builds are a module fixture each xdist worker would otherwise make again
    (sdist, wheel), (_, wheel_again) = binding_builds
    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    assert not [n for n in names if f"/{PACKAGE}/vpc.py" in n or f"/{PACKAGE}/_index.py" in n]
    assert any(n.endswith("/_generator/alicloud_ml/schema/alicloud-1.289.0.zip") for n in names)
    assert any(n.endswith(f"/{PACKAGE}/_l1.py") for n in names)
    shipped, expected = _provider_files(wheel, f"{PACKAGE}/"), render_bindings()
    assert set(expected) <= set(shipped) and len(expected) > 1960
    assert all(shipped[name].decode() == text for name, text in expected.items())
    with zipfile.ZipFile(wheel) as zf:
        assert not [n for n in zf.namelist() if n.startswith(("alicloud_ml/", "_generator/"))]
        zf.extractall(tmp_path / "site")
    assert wheel.read_bytes() == wheel_again.read_bytes()

    code = ("import sys, inspect, cdktf_cdktf_provider_alicloud.vswitch as m; "
            "print(m.__file__); print(inspect.signature(m.Vswitch.__init__).parameters['vpc_id'].annotation); "
            "print(sorted(n for n in sys.modules if n.startswith(('alicloud_ml', 'cdktf_cdktf_provider_alicloud.'))))")
    module_file, annotation, loaded = _python_on(tmp_path / "site", code)[-3:]
    assert module_file.startswith(str(tmp_path / "site")) and annotation == "str | None"
    assert loaded == str(sorted(f"{PACKAGE}.{m}" for m in ("_cdk", "_dynamic", "_errors", "_l1", "_outputs", "_spec",
                                                             "vswitch")))


def test_the_sdist_ships_no_generated_bindings_and_the_wheel_built_from_it_a_fresh_generation(builds):
    sdist, wheel = builds[0]

    with tarfile.open(sdist) as tar:
        names = tar.getnames()
    assert not [n for n in names if "/alicloud_ml/provider/" in n]
    assert any(n.endswith("/alicloud_ml/schema/alicloud-1.289.0.zip") for n in names)
    shipped = _provider_files(wheel)  # the per-service view of the bindings package
    expected = render()
    assert set(shipped) == set(expected) and len(shipped) > 100
    assert all(shipped[name].decode() == text for name, text in expected.items())
    with zipfile.ZipFile(wheel) as zf:  # `alicloud-ml init --app` needs its templates and the pinned npm files
        template = {Path(n).name for n in zf.namelist() if n.startswith("alicloud_ml/app_template/")}
    assert template == {"main.py.template", "cdktf.json.template", "Makefile.template", "gitignore.template",
                        "npmrc.template", "package.json", "package-lock.json"}


def test_building_twice_gives_identical_packages(builds):
    (sdist_a, wheel_a), (sdist_b, wheel_b) = builds

    assert _provider_files(wheel_a) == _provider_files(wheel_b)
    assert wheel_a.read_bytes() == wheel_b.read_bytes()


def test_the_two_wheels_provide_typed_bindings(builds, binding_builds, tmp_path):
    for _, wheel in (builds[0], binding_builds[0]):
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(tmp_path / "site")
    assert (tmp_path / "site" / "alicloud_ml" / "py.typed").is_file()  # PEP 561: inline annotations are the stubs
    code = ("import alicloud_ml.provider.kms as kms, inspect; "
            "print(inspect.signature(kms.KmsKey.__init__).parameters['description'].annotation); "
            "print(kms.__file__)")
    annotation, module_file = _python_on(tmp_path / "site", code)[-2:]
    assert annotation == "str | None" and module_file.startswith(str(tmp_path / "site"))


def test_every_package_data_pattern_names_files_that_exist():
    import tomllib

    patterns = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    missing = [f"{package}: {pattern}" for package, globs in patterns.items() for pattern in globs
               if not list((REPO / package.replace(".", "/")).glob(pattern))]
    assert missing == []



def test_a_team_installs_the_wheels_and_its_scaffolded_app_passes_the_gate_at_every_severity(builds, binding_builds,
                                                                                           tmp_path):
    # GIVEN a fresh virtualenv with the two built wheels installed (README: "Use the constructs in your own cdktf
    # app"); their other dependencies come from the development environment through a path entry (no index)
    (_, wheel), (_, binding_wheel) = builds[0], binding_builds[0]
    venv = tmp_path / "team-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (site / "dev-dependencies.pth").write_text("\n".join(deps) + "\n")  # a path entry's own .pth files stay unread
    installed = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                                "--no-compile", str(wheel), str(binding_wheel)],
                               capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stderr
    # WHEN the team scaffolds its app and synthesizes it (what `make deploy` runs first)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CDKTF_OUTDIR")}
    scaffold = subprocess.run([str(venv / "bin" / "alicloud-ml"), "init", "team-w", "--app"], cwd=tmp_path,
                              capture_output=True, text=True, env=env, timeout=300)
    assert scaffold.returncode == 0, scaffold.stderr
    synth = subprocess.run([str(python), "-c", "import alicloud_ml, runpy; print(alicloud_ml.__file__); "
                            "runpy.run_path('main.py', run_name='__main__')"], cwd=tmp_path / "team-w",
                           capture_output=True, text=True, env={**env, "ALICLOUD_ML_BACKEND": "local"}, timeout=600)
    # THEN the toolkit ran from the wheel, not from this checkout, and the gate passed
    assert synth.returncode == 0, synth.stdout[-2000:] + synth.stderr[-2000:]
    assert synth.stdout.splitlines()[0].startswith(str(site))
    bindings = subprocess.run([str(python), "-c", "import cdktf_cdktf_provider_alicloud as b; print(b.__file__)"],
                              capture_output=True, text=True, env=env, timeout=120)
    assert bindings.stdout.startswith(str(site)), bindings.stdout + bindings.stderr
    # AND the scaffold passes its own gate at every severity (ALIML_010: a non-prod service must scale to zero)
    checked = subprocess.run([str(venv / "bin" / "alicloud-ml"), "check", "cdktf.out", "--fail-on", "low"],
                             cwd=tmp_path / "team-w", capture_output=True, text=True, env=env, timeout=300)
    assert checked.returncode == 0 and " FAILED " not in checked.stdout, checked.stdout
