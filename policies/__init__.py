"""The project's policy pack for plain checkov: `checkov -d <dir> --external-checks-dir policies`.

Checkov loads Python checks only from a folder with an `__init__.py`; `aliml.py` registers the
same check objects the gate runs (`alicloud_ml.policies.checks`), not copies of them.
"""
