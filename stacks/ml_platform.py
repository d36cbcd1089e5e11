"""The deployable reference platform: one stack per environment, plus the `ml-state` bootstrap stack.

Entry points (main.py calls these):

    build_app(app, env_names=None, *, envs_dir=ENVS_DIR, backend=None, include_state_stack=True)
        -> dict[str, TerraformStack]
        Every env in `envs_dir` (`dev`, `staging`, `prod`), or only `env_names`; stacks are named
        `ml-<env>`, plus `ml-state` (the OSS bucket + Tablestore lock table) when
        include_state_stack. Returns {stack name: stack}.

    build_stack(app, env_file, *, backend=None) -> TerraformStack
        One env from one TOML file.

Backend selection (`backend` argument, else the ALICLOUD_ML_BACKEND environment variable, else `oss`):
    oss    `backend "oss"` with encrypt, private ACL and Tablestore locking; state key `<env>.tfstate`
           under the env's `[state] prefix` in the `[state] bucket`. Run `cdktf deploy ml-state` once
           first (it keeps a local state file), then deploy the envs.
    local  a local backend per stack (`terraform.<stack>.tfstate`) - for the offline emulator and laptops.
The `ml-state` stack always uses a local backend: its bucket cannot hold its own state before it exists.

Names: a cloud deploy (the `oss` backend) needs each file's committed `name_suffix` (globally unique names
end in it); the emulator (`local`) accepts a file without one and then names carry no suffix. Two envs
of one account (one `[state]`) must not create the same account-scoped name (an EAS service, a RAM role,
a bucket, ...: `alicloud_ml.naming.ACCOUNT_SCOPED_NAMES`): the second apply would fail, so build_app
refuses it.

Bad input (a TOML typo, an unknown env, an unknown backend, a missing suffix, a shared name) raises
InputError/InputErrors naming the file, the field and what is accepted; main.py maps them to exit code 2.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from alicloud_ml._cdk import App, TerraformStack
from alicloud_ml.config import PlatformConfig, load_config
from alicloud_ml.constructs.platform import MlPlatform
from alicloud_ml.constructs.state import BackendKind, StateBackend, configure_backend
from alicloud_ml.props.state import StateBackendProps
from alicloud_ml.deploy_target import LOCAL_STATE_REASON, configure_stack_backend, local_state_dir, resolve_backend
from alicloud_ml.errors import InputError
from alicloud_ml.naming import ACCOUNT_SCOPED_NAMES, NAME_SUFFIX_PATTERN, legacy_suffix
from alicloud_ml.policies import suppress
from alicloud_ml.prerequisites import needed
from alicloud_ml.provider import AlicloudProvider
from alicloud_ml.provider.resource_manager import ResourceManagerServiceLinkedRole

ENVS_DIR = Path(__file__).parent / "envs"
STATE_STACK = "ml-state"


def stack_name(config: PlatformConfig) -> str:
    return f"ml-{config.name}"


# Findings on the state bucket that the bootstrap stack accepts, each with its reason.
STATE_BUCKET_SUPPRESSIONS = (
    ("CKV_ALI_6", "encrypted server-side with AES256 through alicloud_oss_bucket_server_side_encryption; a "
                  "customer-managed KMS key is not managed by this platform yet", "2027-06-30"),
    ("CKV_ALI_11", "state objects are small and read from the bucket's own region; transfer acceleration only "
                   "adds cost", None),
    ("CKV_ALI_12", "access logging needs a separate log bucket that the bootstrap stack does not create yet",
     "2027-06-30"),
)


# Findings on the RAG documents bucket that the reference platform accepts, each with its reason.
DOCUMENTS_BUCKET_SUPPRESSIONS = (
    ("CKV_ALI_11", "documents are uploaded and read in the bucket's own region by the ingestion function; transfer "
                   "acceleration only adds cost", None),
    ("CKV_ALI_12", "access logging needs a separate log bucket that the RAG tier does not create yet", "2027-06-30"),
)


# The vector store's disk key must not rotate: AnalyticDB disk encryption refuses a rotating key.
DISK_KEY_ROTATION_REASON = ("AnalyticDB disk encryption accepts only a key whose rotation is disabled (AnalyticDB "
                            "'Disk encryption', Prerequisites); the secrets and documents key rotates yearly")

# Findings on the platform's model bucket that the reference platform accepts, each with its reason.
MODEL_BUCKET_SUPPRESSIONS = (
    ("CKV_ALI_6", "encrypted server-side with AES256 through alicloud_oss_bucket_server_side_encryption; the serving "
                  "and training roles read it without a KMS grant", "2027-06-30"),
    *DOCUMENTS_BUCKET_SUPPRESSIONS,
)


def _apply_suppressions(stack: TerraformStack, config: PlatformConfig, where: str) -> None:
    """`[[suppressions]]` from the env file, resolved to constructs under the stack."""
    for i, item in enumerate(config.suppressions):
        target: Any = stack
        for part in (p for p in item.path.split("/") if p):
            target = target.node.try_find_child(part)
            if target is None:
                children = ", ".join(sorted(c.node.path.split("/", 1)[1] for c in stack.node.find_all()[1:]
                                            if c.node.path.count("/") <= 2))
                raise InputError(where, f"suppressions[{i}].path", f"no construct at {item.path!r}",
                                 accepted=children or "a construct path such as Platform/Pool-inference")
        suppress(target, item.check, reason=item.reason, expires=item.expires)


def platform_stack(app: App, config: PlatformConfig, *, backend: str | None = None,
                   source: str | None = None) -> TerraformStack:
    """One env's stack from an already-validated config (`source` names its file in errors)."""
    stack = TerraformStack(app, stack_name(config))
    AlicloudProvider(stack, "alicloud", region=config.region, profile=config.profile)
    configure_stack_backend(stack, config.state, key=f"{config.name}.tfstate", backend=backend)
    platform = MlPlatform(stack, "Platform", props=config)
    if platform.rag is not None:
        for check, reason, expires in DOCUMENTS_BUCKET_SUPPRESSIONS:
            suppress(platform.rag.ingestion.bucket, check, reason=reason, expires=expires)
        suppress(platform.rag.store.disk_key, "CKV_ALI_27", reason=DISK_KEY_ROTATION_REASON)
    if platform.models is not None:
        for check, reason, expires in MODEL_BUCKET_SUPPRESSIONS:
            suppress(platform.models.bucket, check, reason=reason, expires=expires)
    _apply_suppressions(stack, config, source or stack_name(config))
    return stack


def state_stack(app: App, state: StateBackendProps, *, profile: str | None = None,
                backend: BackendKind = "oss", protect: bool = False) -> TerraformStack:
    """The bootstrap stack holding the state bucket and lock table (always a local backend).

    `protect` (set when a production environment keeps its state there) adds `prevent_destroy`.
    """
    stack = TerraformStack(app, STATE_STACK)
    AlicloudProvider(stack, "alicloud", region=state.region, profile=profile)
    configure_backend(stack, state, key="state.tfstate", kind="local", local_dir=local_state_dir())
    if backend == "local":
        suppress(stack, "ALIML_015", reason=LOCAL_STATE_REASON)
    bucket = StateBackend(stack, "State", props=state, prevent_destroy=protect).node.find_child("Bucket")
    for check, reason, expires in STATE_BUCKET_SUPPRESSIONS:
        suppress(bucket, check, reason=reason, expires=expires)
    return stack


def build_stack(app: App, env_file: str | Path, *, backend: str | None = None) -> TerraformStack:
    return platform_stack(app, load_config(env_file), backend=backend, source=str(env_file))


def env_files(envs_dir: Path = ENVS_DIR) -> dict[str, Path]:
    return {path.stem: path for path in sorted(envs_dir.glob("*.toml"))}


def build_app(app: App, env_names: Iterable[str] | None = None, *, envs_dir: str | Path = ENVS_DIR,
              backend: str | None = None, include_state_stack: bool = True,
              config_files: Iterable[str | Path] = ()) -> dict[str, TerraformStack]:
    """Stacks for the chosen envs (default: all files in envs_dir, none when `config_files` are given), any
    other platform files in `config_files`, and the `ml-state` bootstrap stack."""
    files = env_files(Path(envs_dir))
    extra = [Path(f) for f in config_files]
    names = list(env_names) if env_names is not None else ([] if extra else list(files))
    unknown = [n for n in names if n not in files]
    if unknown:
        raise InputError(str(envs_dir), "env", f"unknown env {', '.join(map(repr, unknown))}", ", ".join(files))
    kind = resolve_backend(backend)
    sources = [files[n] for n in names] + extra
    configs = [load_config(f) for f in sources]
    if kind == "oss":
        for source, config in zip(sources, configs, strict=True):
            _require_name_suffix(config, source)
    seen: dict[str, Path] = {}
    for source, config in zip(sources, configs, strict=True):
        if (other := seen.setdefault(stack_name(config), source)) != source:
            raise InputError(str(source), "name", f"env {config.name!r} (stack {stack_name(config)}) is also "
                             f"defined by {other}", "one file per env", 'rename one file or set name = "..." in it')
    stacks: dict[str, TerraformStack] = {}
    if include_state_stack and configs:
        states = {c.state.model_dump_json(exclude={"prefix", "tags"}) for c in configs}
        if len(states) > 1:
            raise InputError(", ".join(map(str, sources)), "state",
                             "envs disagree on the state bucket/lock table", "one [state] shared by every env",
                             "the ml-state stack creates a single bucket and lock table")
        stacks[STATE_STACK] = state_stack(app, configs[0].state, profile=configs[0].profile, backend=kind,
                                          protect=any(c.production for c in configs))
    for source, config in zip(sources, configs, strict=True):
        stacks[stack_name(config)] = platform_stack(app, config, backend=kind, source=str(source))
    _refuse_shared_names([(stacks[stack_name(c)], c, source) for source, c in zip(sources, configs, strict=True)])
    if STATE_STACK in stacks and configs[0].state.create_service_linked_roles:
        platforms = [stacks[stack_name(c)] for c in configs]
        for item in needed(r for stack in platforms for r in configured_resources(stack)):
            if item.service_name:  # once per account: the bootstrap stack is the account's own stack
                ResourceManagerServiceLinkedRole(stacks[STATE_STACK], f"ServiceLinkedRole-{item.name}",
                                                 service_name=item.service_name)
    return stacks


def _generated_resources(stack: TerraformStack) -> list[Any]:
    """Every generated L1 resource under `stack` (their arguments are readable before synthesis)."""
    from cdktf_cdktf_provider_alicloud._l1 import Resource

    return [node for node in stack.node.find_all() if isinstance(node, Resource)]


def configured_resources(stack: TerraformStack) -> list[tuple[str, dict[str, Any]]]:
    """(resource type, configured arguments) of every generated resource under `stack`, before synthesis."""
    return [(node.TF_TYPE, {name: node.configured(name) for name in type(node)._SPEC})
            for node in _generated_resources(stack)]


def _require_name_suffix(config: PlatformConfig, source: Path) -> None:
    """A cloud deploy's globally unique names end in the file's committed suffix: without one they would collide."""
    if config.name_suffix:
        return
    old = legacy_suffix()
    hint = (f'this checkout still has the git-ignored .alicloud-ml/name-suffix {old!r}: to keep the names already '
            f'deployed, add name_suffix = "{old}" to every env file' if old else
            "`alicloud-ml init` writes one; use the same value in every env file of one account")
    raise InputError(str(source), "name_suffix", "missing: a cloud deploy needs it, globally unique names (state "
                     "bucket, SLS project, registry, buckets) end in it, and it must be the same in every checkout",
                     f"1-5 lowercase letters or digits ({NAME_SUFFIX_PATTERN})", hint)


def _scoped_names(stack: TerraformStack, region: str) -> dict[tuple[str, str, str], str]:
    """(resource type, scope key, name) -> construct path, for every account-scoped name the stack creates."""
    out: dict[tuple[str, str, str], str] = {}
    for node in _generated_resources(stack):
        rule = ACCOUNT_SCOPED_NAMES.get(node.TF_TYPE)
        if rule is None:
            continue
        value: Any = node.configured(rule.attribute)
        for key in rule.json_key:
            value = (json.loads(value) if isinstance(value, str) else value or {}).get(key)
        if isinstance(value, str) and "${" not in value:  # a name known at synth (not an attribute of another)
            out[(node.TF_TYPE, region if rule.scope == "region" else "", value)] = node.node.path.split("/", 1)[1]
    return out


def _refuse_shared_names(built: list[tuple[TerraformStack, PlatformConfig, Path]]) -> None:
    """Two envs of one account must not create the same account-scoped name: the second apply would fail."""
    seen: dict[tuple[str, str, str], tuple[PlatformConfig, Path, str]] = {}
    for stack, config, source in built:
        for key, path in _scoped_names(stack, config.region).items():
            other = seen.setdefault(key, (config, source, path))
            if other[0] is not config:
                tf_type, region, name = key
                rule = ACCOUNT_SCOPED_NAMES[tf_type]
                where = f"region {region} of the account" if region else (
                    "the account" if rule.scope == "account" else "all of Alibaba Cloud")
                raise InputError(str(source), path, f"{tf_type} name {name!r} is also created by env "
                                 f"{other[0].name!r} ({other[1]}, {other[2]}): it must be unique in {where}",
                                 "a name of this env's own, e.g. one that contains the env name",
                                 "derived names carry the env name; set a different name in one of the files")
