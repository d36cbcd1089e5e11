"""NAS and CPFS types: the settings a CPFS General-purpose file system needs, same-VPC protocol services,
existing export paths, and the ids and values the NAS API fills in."""

from __future__ import annotations

import secrets
from typing import Any

from alicloud_ml.catalog.limits import CPFS_MIN_CAPACITY_GIB
from alicloud_ml.emulator import facts
from alicloud_ml.emulator.ids import hexid, rand
from alicloud_ml.emulator.plugins.registry import CloudError, Context, Lookup, check, computed, identifier, known, statuses
from alicloud_ml.emulator.wire import UNKNOWN

FS = "alicloud_nas_file_system"


@check(FS)
def cpfs_settings(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    if state.get("file_system_type") != "cpfs":
        return []
    errors = []
    protocol = state.get("protocol_type")
    if known(protocol) and protocol != facts.CPFS_PROTOCOL_TYPE:
        errors.append(CloudError("InvalidProtocolType.NotSupported",
                                 f"{ctx.address} protocol_type {protocol} is not valid for a cpfs file system; "
                                 f"accepted: {facts.CPFS_PROTOCOL_TYPE}", ("protocol_type",)))
    storage = state.get("storage_type")
    if known(storage) and storage not in facts.CPFS_STORAGE_TYPES:
        errors.append(CloudError("InvalidStorageType.NotSupported",
                                 f"{ctx.address} storage_type {storage} is not valid for a cpfs file system; "
                                 f"accepted: {', '.join(facts.CPFS_STORAGE_TYPES)}", ("storage_type",)))
    capacity = state.get("capacity")
    if isinstance(capacity, (int, float)) and not isinstance(capacity, bool):
        if capacity < CPFS_MIN_CAPACITY_GIB:
            errors.append(CloudError("InvalidCapacity.TooSmall",
                                     f"{ctx.address} capacity {capacity:g} GiB is below the CPFS minimum; accepted: "
                                     f">= {CPFS_MIN_CAPACITY_GIB} GiB", ("capacity",)))
    elif ctx.applying and not capacity:
        errors.append(CloudError("MissingParameter.Capacity", f"{ctx.address} capacity is required for a cpfs file "
                                 f"system; accepted: >= {CPFS_MIN_CAPACITY_GIB} GiB", ("capacity",)))
    for attr in ("vpc_id", "vswitch_id", "zone_id"):
        value = state.get(attr)
        # zone_id is Optional+Computed: unset shows as unknown at plan and "" once filled at apply.
        missing = value is None or (ctx.applying and value == "")
        if missing:
            errors.append(CloudError(f"MissingParameter.{''.join(p.title() for p in attr.split('_'))}",
                                     f"{ctx.address} {attr} is required for a cpfs file system; accepted: the "
                                     f"{attr.replace('_id', '')} the file system is placed in", (attr,)))
    if ctx.applying and known(state.get("vswitch_id")) and known(state.get("vpc_id")):
        vsw = ctx.store.get("alicloud_vswitch", state["vswitch_id"])
        if vsw is not None and vsw.get("vpc_id") != state["vpc_id"]:
            errors.append(CloudError("InvalidVSwitchId.NotInVpc",
                                     f"{ctx.address} vswitch_id {vsw['id']} belongs to VPC {vsw.get('vpc_id')}, "
                                     f"not {state['vpc_id']}; accepted: a vswitch of vpc_id", ("vswitch_id",)))
    return errors


@check("alicloud_nas_protocol_service")
def protocol_service_same_vpc(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    fs_id, vpc_id = state.get("file_system_id"), state.get("vpc_id")
    if not known(fs_id) or vpc_id is UNKNOWN:
        return []
    fs = ctx.store.get(FS, fs_id)
    if fs is None:
        return []  # reported by the reference check
    if vpc_id is None:
        return []  # the service then uses the file system's VPC
    if fs.get("vpc_id") and fs["vpc_id"] != vpc_id:
        return [CloudError("InvalidVpcId.Mismatch",
                           f"{ctx.address} vpc_id {vpc_id} is not the VPC of file system {fs_id} ({fs['vpc_id']}); "
                           f"accepted: {fs['vpc_id']}", ("vpc_id",))]
    return []


@check("alicloud_nas_protocol_mount_target")
def export_path_exists(ctx: Context, state: dict[str, Any]) -> list[CloudError]:
    """An export names exactly one of `path` / `fset_id`; a path starts and ends with `/` and must already
    exist on the file system: `/`, or the directory of one of its filesets (provider v1.289.0
    website/docs/r/nas_protocol_mount_target.html.markdown; NAS API CreateProtocolMountTarget)."""
    path, fset = state.get("path"), state.get("fset_id")
    where = ("path",)
    if known(fset) and known(path) and ctx.prior is None and path != "":
        # path is Optional+Computed: the cloud reports the fileset's directory back into it
        fsets = {f.get("fileset_id"): f for f in ctx.store.find("alicloud_nas_fileset")}
        if fset in fsets and fsets[fset].get("file_system_path") != path:
            return [CloudError("InvalidParameter.PathAndFileset", f"{ctx.address} sets both path {path} and fset_id "
                               f"{fset}; accepted: exactly one of them", where)]
    if not known(path) or known(fset):
        return []
    if not (path.startswith("/") and path.endswith("/")):
        return [CloudError("InvalidParameter.Path", f"{ctx.address} path {path!r} must start and end with a forward "
                           "slash; accepted: / or an existing directory such as /datasets/", where)]
    if path == "/" or not ctx.applying:
        return []
    fs_id = state.get("file_system_id")
    dirs = {f.get("file_system_path") for f in ctx.store.find("alicloud_nas_fileset") if f.get("file_system_id") == fs_id}
    if path in dirs:
        return []
    return [CloudError("InvalidPath.NotFound", f"{ctx.address} path {path} does not exist on file system {fs_id}; "
                       f"accepted: / or a fileset directory ({', '.join(sorted(d for d in dirs if d)) or 'none yet'}) "
                       "- a new CPFS has only its root: export / and mount <domain>:/share", where)]


# ---------------------------------------------------------------- what the NAS API fills in

statuses({"alicloud_nas_file_system": "Running", "alicloud_nas_protocol_service": "Running",
          "alicloud_nas_protocol_mount_target": "Running", "alicloud_nas_mount_target": "Active",
          "alicloud_nas_fileset": "CREATED"})


@identifier(FS)
def _file_system_id(s: dict[str, Any]) -> str:
    return "cpfs-" + hexid(16) if s.get("file_system_type") in ("cpfs", "cpfsse") else hexid(10)


@identifier("alicloud_nas_access_group")
def _access_group_id(s: dict[str, Any]) -> str:
    name = next((s[k] for k in ("access_group_name", "name") if known(s.get(k))), "")
    return f"{name}:{s.get('file_system_type') if known(s.get('file_system_type')) else 'standard'}"


@computed("alicloud_nas_mount_target", "mount_target_domain", before_id=True)
def _mount_domain(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return f"{s.get('file_system_id')}-{rand(5)}.{region}.nas.aliyuncs.com"


@computed("alicloud_nas_access_rule", "access_rule_id", before_id=True)
def _access_rule(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return str(secrets.randbelow(90) + 10)


@computed("alicloud_nas_protocol_service", "protocol_service_id", before_id=True)
def _protocol_service(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "ptc-" + hexid(16)


@computed("alicloud_nas_protocol_mount_target", "export_id", before_id=True)
def _export(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "exp-" + hexid(16)


@computed("alicloud_nas_fileset", "fileset_id", before_id=True)
def _fileset(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "fset-" + hexid(17)


@computed(FS, "file_system_type")
def _fs_type(s: dict[str, Any], region: str, lookup: Lookup) -> str:
    return "standard"  # r/nas_file_system: file_system_type defaults to standard
