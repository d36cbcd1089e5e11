"""The emulator, installed once per session, for the plans of converted examples."""

from tests.bindings.conftest import emulator_config  # noqa: F401 - the shared session fixture
