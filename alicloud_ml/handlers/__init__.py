"""Function Compute handlers that ship with the toolkit; each subpackage is one function.

`PACKAGES` says what each one's code package needs beyond its own modules: the distributions vendored
next to it (their closure is resolved for the FC runtime) and the modules left out (demos, fakes).
"""

#: handler package → (requirements vendored into its code package, module files left out of it)
PACKAGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # the DSW SDK: FC 3.0's python3.12 runtime preinstalls none (https://www.alibabacloud.com/help/en/functioncompute/fc/python/)
    "alicloud_ml.handlers.notebook_reaper": (("alibabacloud_pai_dsw20220101",), ("demo.py", "fake_dsw.py")),
    # pure-Python pg8000; everything else is the standard library
    "alicloud_ml.handlers.rag_ingest": (("pg8000",), ()),
}
