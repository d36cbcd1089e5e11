"""A platform description (`stacks/envs/<env>.toml`) validated by pydantic, and its TOML loader.

A file is an `MlPlatformProps` (alicloud_ml/props/platform.py: every section is the props model
of the construct it feeds, so a TOML field and a props field are the same thing with the same
checks) plus the environment's name, state backend and suppressions. Names the constructs need (`network.region`,
`cluster.name`, `node_pools.<key>.node_pool_name`, `services.<key>.service_name`, ...) are derived
from the top-level `name` and `region` and the table keys, so a file stays short.

Errors name the file, the dotted field path (`node_pools.training.max_size`) and what is accepted,
raised as `InputError` / `InputErrors` (the CLI and main.py exit 2, no traceback).
"""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, model_validator

from alicloud_ml.errors import InputError
from alicloud_ml.policies.suppressions import ID_PATTERN, MIN_REASON
from alicloud_ml.naming import NAME_SUFFIX_PATTERN, is_prod, suffixed
from alicloud_ml.errors import Problem, raise_problems
from alicloud_ml.props.base import FrozenModel, dotted, problems_from, unknown_field
from alicloud_ml.props.platform import MlPlatformProps
from alicloud_ml.props.state import StateBackendProps

ENV_NAME_PATTERN = r"^[a-z][a-z0-9-]{0,20}$"
ENV_NAME_ACCEPTED = "a lowercase letter, then up to 20 lowercase letters, digits or '-' (e.g. my-team)"


class SuppressionConfig(FrozenModel):
    """`[[suppressions]]`: accept one policy finding on one construct, with a reason that reviewers read.

    Suppressed findings still appear (as SKIPPED, with the reason) in every gate and review report.
    """

    check: str = Field(pattern=ID_PATTERN.pattern, description="Check id, e.g. `ALIML_010`.")
    path: str = Field("", description="Construct path inside the env's stack, e.g. `Platform/Pool-inference`; "
                                      "it covers every resource below it. Default: `\"\"` (the whole stack).")
    reason: str = Field(min_length=MIN_REASON, description=f"Why this construct may break the rule (≥ {MIN_REASON} "
                                                           "characters).")
    expires: dt.date | None = Field(None, description="Date after which the suppression blocks again. Default: none.")


class PlatformConfig(MlPlatformProps):
    """One environment of the ML platform (what `stacks/envs/<env>.toml` holds)."""

    name: str = Field(pattern=ENV_NAME_PATTERN, description="Environment name (`dev`); the stack is "
                                                                     "`ml-<name>`. Default: - the file name.")
    name_suffix: str | None = Field(None, pattern=NAME_SUFFIX_PATTERN, description=(
        "Ends every globally unique name the platform derives (state bucket, Tablestore instance, SLS project, "
        "registry, documents and models buckets), so two teams' platforms never collide; committed with the file "
        "so every checkout synthesizes the same names (`alicloud-ml init` writes one). Use the same value in every "
        "env file of one account. Required for a cloud deploy. Default: none - only the offline emulator accepts "
        "that, and then names carry no suffix."))
    production: bool = Field(False, description=(
        "Production environment: turns on cluster deletion protection, `prevent_destroy` on CPFS, the model bucket "
        "and the state bucket, lock instance and lock table, and keeps KMS secrets' recovery window. Default: - "
        "true when the name is `prod`, `production` or `prd`."))
    profile: str | None = Field(None, description="Alibaba Cloud CLI profile for the provider. Default: - "
                                                  "environment/instance credentials.")
    state: StateBackendProps
    suppressions: tuple[SuppressionConfig, ...] = Field((), description="Accepted policy findings, each with a "
                                                                        "reason. Default: none.")


    @model_validator(mode="before")
    @classmethod
    def _derive_names(cls, data: Any) -> Any:
        # Derive what each input allows: a missing `region` must not also leave `[cluster]` missing.
        if not isinstance(data, dict):
            return data
        data = copy.deepcopy(data)
        name = data["name"] if isinstance(data.get("name"), str) else None
        region = data["region"] if isinstance(data.get("region"), str) else None
        suffix = data.get("name_suffix") if isinstance(data.get("name_suffix"), str) else None
        production = data.setdefault("production", is_prod(name)) if name else data.get("production", False)
        has_cpfs = isinstance(data.get("cpfs"), dict)

        def section(key: str) -> dict[str, Any] | None:
            value = data.setdefault(key, {})
            return value if isinstance(value, dict) else None

        def derive(target: dict[str, Any] | None, key: str, value: Any, needs: object = True) -> None:
            if target is not None and needs:
                target.setdefault(key, value)

        net = section("network")
        derive(net, "region", region, region)
        derive(net, "name", f"ml-{name}", name)
        if (sec := section("security")) is not None:
            for workload in ("training", "serving"):
                if isinstance(group := sec.setdefault(workload, {}), dict):
                    derive(group, "name", f"ml-{name}-{workload}", name)
        if (cluster := section("cluster")) is not None:
            derive(cluster, "name", f"ml-{name}", name)
            cluster.setdefault("deletion_protection", production)
            cluster.setdefault("cpfs_mount_support", has_cpfs)
            if sec is not None and len(types := _group_types(sec)) == 1:
                cluster.setdefault("security_group_type", types.pop())
        if has_cpfs:
            data["cpfs"].setdefault("prevent_destroy", production)
        models = data.get("models") if isinstance(data.get("models"), dict) else None
        if models is not None:
            derive(models, "bucket", model_bucket(name, suffix) if name else None, name)
            models.setdefault("prevent_destroy", production)
        for key in ("node_pools", "services"):
            for item_key, item in (data.get(key) or {}).items() if isinstance(data.get(key), dict) else ():
                if not isinstance(item, dict):
                    continue
                if key == "node_pools":
                    item.setdefault("node_pool_name", item_key)
                    item.setdefault("mounts_cpfs", has_cpfs)
                    continue
                # EAS names are unique per region of the account: two envs must not share one (alicloud_ml.naming)
                item.setdefault("service_name", f"{name}_{item_key}".replace("-", "_") if name else item_key)
                path = item.get("model_path")
                if models is not None and isinstance(path, str) and "://" not in path and models.get("bucket"):
                    item["model_path"] = relative_model_path(path, models["bucket"])
        derive(section("iam"), "name_prefix", f"ml-{name}", name)
        if isinstance(data.get("registry"), dict):
            derive(data["registry"], "instance_name", suffixed(f"ml-{name}"[:23].rstrip("-"), suffix), name)
        if isinstance(data.get("notebooks"), dict):
            derive(data["notebooks"], "function_name", f"ml-{name}-notebook-reaper", name)
        if isinstance(data.get("workspace"), dict):
            derive(data["workspace"], "workspace_name", f"ml_{name}".replace("-", "_")[:23], name)
            model = next((s.get("model_path") for s in (data.get("services") or {}).values()
                          if isinstance(s, dict) and str(s.get("model_path", "")).startswith("oss://")), None)
            if model:
                data["workspace"].setdefault("model_uri", "oss://" + str(model)[6:].split("/", 1)[0] + "/")
        if isinstance(data.get("rag"), dict):
            rag = data["rag"]
            store = rag.setdefault("store", {})
            derive(store, "name", f"ml-{name}-rag", name)
            if isinstance(store, dict):
                store.setdefault("force_delete_secrets", not production)
            ingestion = rag.setdefault("ingestion", {})
            derive(ingestion, "bucket", suffixed(f"ml-{name}-rag-docs", suffix), name)
            derive(ingestion, "function_name", f"ml-{name}-rag-ingest", name)
        derive(section("observability"), "project_name", suffixed(f"ml-{name}-logs", suffix), name)
        state = section("state")
        derive(state, "region", region, region)
        derive(state, "bucket", suffixed("ml-tfstate", suffix))
        derive(state, "ots_instance_name", suffixed("ml-tfstate", suffix))
        return data


def model_bucket(name: str, suffix: str | None) -> str:
    """The `[models]` bucket's derived name: `ml-<name>-models-<name_suffix>` (global, so suffixed)."""
    return suffixed(f"ml-{name}-models", suffix)


def relative_model_path(path: str, bucket: str) -> str:
    """A service's `model_path` without a scheme, as a path in the `[models]` bucket."""
    return f"oss://{bucket}/{path.lstrip('/')}"


def load_config(path: str | Path, *, name: str | None = None, name_suffix: str | None = None) -> PlatformConfig:
    """Read and validate one env file; `name` defaults to the file's stem (`dev.toml` → `dev`) and `name_suffix`
    stands in for a file without one (the file's own always wins)."""
    path = Path(path)
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(where, "", "file not found", "a platform TOML file, e.g. stacks/envs/dev.toml") from None
    except IsADirectoryError:
        raise InputError(where, "", "is a directory", "a platform TOML file, e.g. stacks/envs/dev.toml") from None
    except UnicodeDecodeError:
        raise InputError(where, "", "not UTF-8 text", "a platform TOML file, e.g. stacks/envs/dev.toml") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, "", f"invalid TOML: {exc}") from None
    from_file_name = "name" not in data and name is None
    data.setdefault("name", name or path.stem)
    if name_suffix:
        data.setdefault("name_suffix", name_suffix)
    return parse_config(data, where, name_from=path.name if from_file_name else None)


def parse_config(data: dict[str, Any], where: str = "<config>", *, name_from: str | None = None) -> PlatformConfig:
    """Validate an already-parsed description, reporting problems under `where`.

    `name_from` is the file name the env name was taken from, so a bad one is blamed on the file.
    """
    try:
        return PlatformConfig.model_validate(data)
    except ValidationError as exc:
        raise_problems(where, explain(exc, data, name_from))
        raise  # unreachable


def _group_types(security: dict[str, Any]) -> set[str]:
    """Types the `[security.*]` groups ask for (`normal` when unset)."""
    return {str(g.get("security_group_type", "normal")) for g in security.values() if isinstance(g, dict)}


# ---------------------------------------------------------------- errors that point at the mistake

#: Which derived fields each top-level input feeds: when the input is wrong, their errors are noise.
DERIVED_FROM = {
    "name": ("network.name", "security.training.name", "security.serving.name", "cluster.name",
             "iam.name_prefix", "observability.project_name", "registry.instance_name", "notebooks.function_name",
             "workspace.workspace_name", "rag.store.name", "rag.ingestion.bucket", "rag.ingestion.function_name",
             "models.bucket"),
    "region": ("network.region", "state.region"),
    "name_suffix": ("observability.project_name", "state.bucket", "state.ots_instance_name", "registry.instance_name",
                    "rag.ingestion.bucket", "models.bucket"),
}


def explain(exc: ValidationError, data: dict[str, Any], name_from: str | None = None) -> list[Problem]:
    """Problems of `exc`, rewritten so each names the mistake once.

    Unknown fields suggest the closest known one; errors that only follow from a bad top-level
    `name`/`region` (or a misspelt required field) are dropped; a bad env name taken from the
    file name blames the file name.
    """
    unknown: dict[str, tuple[Problem, str | None]] = {}
    for err in exc.errors(include_url=False):
        if err["type"] == "extra_forbidden":
            loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
            unknown[dotted(loc)] = _unknown_field(dotted(loc), loc)
    suggested = {field.rpartition(".")[0] + ("." if "." in field else "") + guess
                 for field, (_, guess) in unknown.items() if guess}
    problems = [unknown[p.field][0] if p.field in unknown and p.problem == "unknown field" else p
                for p in problems_from(exc)]
    bad_inputs = {p.field for p in problems if p.field in DERIVED_FROM}
    noise = {f for key in bad_inputs for f in DERIVED_FROM[key] if not _is_set(data, f)}
    if name_from and "name" in bad_inputs:
        noise.add("name")
        problems.insert(0, Problem("", f"the env name {data.get('name')!r} comes from the file name {name_from!r} "
                                   "and is not a valid env name", ENV_NAME_ACCEPTED,
                                   'rename the file, or set name = "..." in it'))
    kept = [p for p in problems if p.field not in noise
            and not (p.problem == "required field is missing" and _under(p.field, suggested))]
    kept.sort(key=lambda p: p.field not in DERIVED_FROM)  # the inputs others derive from first: the root cause
    return list(dict.fromkeys(kept))


def _unknown_field(field: str, loc: list[Any]) -> tuple[Problem, str | None]:
    """`field: unknown field - did you mean ...?`, else the list of known fields."""
    return unknown_field(PlatformConfig, field, loc, "see `alicloud-ml schema`")


def _under(field: str, parents: set[str]) -> bool:
    """True when `field` is one of `parents` or inside one (`network.zones` is under `network`)."""
    return any(field == p or field.startswith(p + ".") for p in parents)


def _is_set(data: dict[str, Any], field: str) -> bool:
    value: Any = data
    for part in field.split("."):
        if not isinstance(value, dict) or part not in value:
            return False
        value = value[part]
    return True


# Fields the loader derives; not required in a file even though the construct props require them.
DERIVED_FIELDS = {
    "MlNetworkProps": ("region", "name"), "TrainingSecurityGroupProps": ("name",),
    "ServingSecurityGroupProps": ("name",), "AckClusterProps": ("name",), "NodePoolConfig": ("node_pool_name",),
    "ServiceConfig": ("service_name",), "WorkloadRolesProps": ("name_prefix",),
    "ObservabilityProps": ("project_name",), "StateBackendProps": ("region", "bucket"),
    "PlatformConfig": ("name", "production"),
    "RegistryConfig": ("instance_name",), "NotebooksConfig": ("function_name",), "WorkspaceConfig": ("workspace_name",),
    "RagConfig": ("store",), "VectorStoreProps": ("name",), "DocumentIngestionProps": ("bucket", "function_name"),
    "ModelsConfig": ("bucket",),
}


def json_schema() -> dict[str, Any]:
    """JSON Schema of a platform TOML file, for editors (derived fields are optional)."""
    schema = PlatformConfig.model_json_schema()
    for title, model_schema in [("PlatformConfig", schema), *schema.get("$defs", {}).items()]:
        derived = DERIVED_FIELDS.get(title, ())
        if "required" in model_schema:
            model_schema["required"] = [f for f in model_schema["required"] if f not in derived]
        for field in derived:
            if field in model_schema.get("properties", {}):
                model_schema["properties"][field].setdefault("description", "Derived when omitted.")
    for key in ("security", "cluster", "iam", "observability"):
        schema["required"] = [f for f in schema.get("required", []) if f != key]
    schema["title"] = "alicloud-ml platform description"
    return schema
