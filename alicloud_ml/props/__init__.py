"""The props models of every construct: validated, frozen input without the CDK runtime.

Config files (`alicloud-ml validate`), docs generation and the constructs all read these; only the
constructs (`alicloud_ml.constructs`) start jsii. One module per construct module, same name.
"""
