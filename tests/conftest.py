"""Suite-wide settings: no network, no user Terraform config, jsii on the project's Node 22; tests write only
into temporary directories."""

import os
from pathlib import Path

import pytest

from alicloud_ml.cache import cache_dir

REPO = Path(__file__).resolve().parents[1]

os.environ["CHECKPOINT_DISABLE"] = "1"  # terraform must not phone home
os.environ["TF_IN_AUTOMATION"] = "1"


# Function packages for a real account use the python3.12 wheels `make install` fetched into the user's cache;
# the suite only reads them and never runs pip (no network in tests).
os.environ.setdefault("ALICLOUD_ML_FC_RUNTIME_CACHE", str(cache_dir("fc-runtime")))
os.environ["ALICLOUD_ML_FC_FETCH"] = "0"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Gate verdicts and code packages are cached per session in a temporary directory, never in the user's cache."""
    os.environ["ALICLOUD_ML_CACHE_DIR"] = str(tmp_path_factory.mktemp("alicloud-ml-cache"))


@pytest.fixture(scope="session")
def reference_platform(tmp_path_factory):
    """dev, staging and prod synthesized once per worker as docs/diagrams draws them (the diagram tests and
    the docs drift test share it)."""
    from pathlib import Path

    from alicloud_ml.docgen.diagrams import synth_reference

    return synth_reference(Path(__file__).resolve().parents[1], tmp_path_factory.mktemp("reference") / "cdktf.out")


@pytest.fixture(autouse=True)
def refreshed_prices(monkeypatch):
    """Cost tests price ECS types as if `prices refresh` had run (tests/fixtures_prices: the test's own figures),
    and never read a developer's own .alicloud-ml/prices."""
    from pathlib import Path

    from alicloud_ml.catalog import pricing

    monkeypatch.setattr(pricing, "REFRESHED_DIR", Path(__file__).parent / "fixtures_prices")


@pytest.fixture(scope="session", autouse=True)
def _no_state_left_in_the_repository():
    """A stack synthesized without a backend keeps its state in the process's working directory (cdktf's
    LocalBackend default): such a test would leave terraform.<stack>.tfstate in the repository root."""
    before = {p.name for p in REPO.iterdir()}
    yield
    left = sorted(n for n in {p.name for p in REPO.iterdir()} - before if ".tfstate" in n or n == "cdktf.out")
    assert not left, f"tests wrote {left} into {REPO}: give the stack a backend (or a directory) under tmp_path"
