"""One module per CLI verb. Each defines `ORDER` (position in --help) and `register(app)`.

Command modules import heavy libraries (checkov, jsii) inside the command function, so
`alicloud-ml --help` stays fast.
"""
