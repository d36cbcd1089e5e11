"""Pull-request review: what a change creates, updates, replaces or destroys, and what it costs.

`synth` loads cdktf output, `diff` compares two synths the way Terraform would plan them,
`plan` reads a real `terraform show -json` plan, `cost` prices resources from the catalog,
`policy` diffs gate findings, `compose` assembles one `Review`, and `markdown` / `report`
render it. Nothing here needs credentials or a network.
"""
