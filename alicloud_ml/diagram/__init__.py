"""Pictures of the platform: one stack (`alicloud-ml diagram`) and what a change does (the review).

`source` reads what to draw (a synthesized stack, a `terraform show -json` plan, an HCL root),
`build` groups it the way an ML platform is understood (region → VPC → zone, cluster → pools,
storage, serving), `change` cuts a diagram down to what a pull request changes, and `dot` /
`mermaid` write it for Graphviz and for GitHub.
"""
