"""Nightly DSW notebook reaper: an FC 3.0 timer-triggered function that stops running notebooks.

Entry point `alicloud_ml.handlers.notebook_reaper.handler.handler`; `REQUIRED_ACTIONS` is what its
role's RAM policy must allow. Importing this package does not need the DSW SDK.
"""

from .dsw import REQUIRED_ACTIONS, REQUIRED_ACTIONS_SOURCES

__all__ = ["REQUIRED_ACTIONS", "REQUIRED_ACTIONS_SOURCES"]
