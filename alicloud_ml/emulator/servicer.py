"""The tfplugin6 Provider service: Terraform's requests mapped onto the emulated cloud.

Written against the protocol stubs the `tf` package ships (tf.gen.tfplugin_pb2) rather than
tf's ProviderServicer, which plans nested blocks only as sets, marks only top-level attributes
RequiresReplace, never sees the configuration when planning and cannot plan defaults.
"""

from __future__ import annotations

import json
import os
from typing import Any

import grpc

from tf.gen import tfplugin_pb2 as pb
from tf.gen import tfplugin_pb2_grpc as rpc

from alicloud_ml.emulator import data_sources, facts, owned, planner, plugins, read_model, spec, values
from alicloud_ml.emulator.plugins import references
from alicloud_ml.emulator.schema_pb import SERVER_CAPABILITIES
from alicloud_ml.emulator.store import Store
from alicloud_ml.emulator.validate import validate_resource
from alicloud_ml.emulator.wire import attribute_path, decode, encode, has_unknown

_ERROR, _WARNING = pb.Diagnostic.ERROR, pb.Diagnostic.WARNING


def _diag(severity: int, summary: str, detail: str = "", path: list[str | int] | tuple = ()) -> pb.Diagnostic:
    kwargs: dict[str, Any] = {"severity": severity, "summary": summary, "detail": detail}
    if path:
        kwargs["attribute"] = attribute_path(list(path))
    return pb.Diagnostic(**kwargs)


class EmulatorError(Exception):
    """A request the emulated cloud refuses; becomes one error diagnostic per CloudError."""

    def __init__(self, errors: list[plugins.CloudError]):
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


class ProviderService(rpc.ProviderServicer):
    def __init__(self, store: Store | None = None):
        self.store = store or Store()
        self.region = facts.DEFAULT_REGION

    # ---------------------------------------------------------------- provider
    def GetMetadata(self, request: Any, context: grpc.ServicerContext) -> pb.GetMetadata.Response:
        return pb.GetMetadata.Response(
            server_capabilities=SERVER_CAPABILITIES,
            resources=[pb.GetMetadata.ResourceMetadata(type_name=t) for t in sorted(spec.resource_types())],
            data_sources=[pb.GetMetadata.DataSourceMetadata(type_name=t) for t in sorted(spec.data_source_types())],
        )

    def ValidateProviderConfig(self, request: Any, context: grpc.ServicerContext) -> Any:
        return pb.ValidateProviderConfig.Response()

    def ConfigureProvider(self, request: Any, context: grpc.ServicerContext) -> Any:
        config = decode(request.config) or {}
        region = config.get("region")
        if not isinstance(region, str) or not region:
            region = next((os.environ[v] for v in facts.REGION_ENV_VARS if os.environ.get(v)), facts.DEFAULT_REGION)
        self.region = region
        return pb.ConfigureProvider.Response()

    def StopProvider(self, request: Any, context: grpc.ServicerContext) -> Any:
        return pb.StopProvider.Response()

    # ---------------------------------------------------------------- resources
    def ValidateResourceConfig(self, request: Any, context: grpc.ServicerContext) -> Any:
        config = decode(request.config) or {}
        problems = validate_resource(request.type_name, spec.resource(request.type_name), config)
        return pb.ValidateResourceConfig.Response(diagnostics=[
            _diag(_ERROR if p.severity == "error" else _WARNING, p.summary, p.detail, p.path) for p in problems
        ])

    def ValidateDataResourceConfig(self, request: Any, context: grpc.ServicerContext) -> Any:
        config = decode(request.config) or {}
        problems = validate_resource(f"data.{request.type_name}", spec.data_source(request.type_name), config)
        return pb.ValidateDataResourceConfig.Response(diagnostics=[
            _diag(_ERROR if p.severity == "error" else _WARNING, p.summary, p.detail, p.path) for p in problems
        ])

    def ReadDataSource(self, request: Any, context: grpc.ServicerContext) -> Any:
        config = decode(request.config) or {}
        try:
            state = data_sources.read(request.type_name, config, self.store, self.region)
        except data_sources.DataSourceError as exc:
            return pb.ReadDataSource.Response(diagnostics=[_diag(
                _ERROR, f"data.{request.type_name}: {exc}",
                f"The emulated Alibaba Cloud API (alicloud-ml emulator, region {self.region}) could not answer "
                "this data source.")])
        return pb.ReadDataSource.Response(state=encode(state))

    def UpgradeResourceState(self, request: Any, context: grpc.ServicerContext) -> Any:
        raw = json.loads(request.raw_state.json) if request.raw_state.json else {}
        return pb.UpgradeResourceState.Response(upgraded_state=encode(_conform(spec.resource(request.type_name), raw)))

    def ReadResource(self, request: Any, context: grpc.ServicerContext) -> Any:
        current = decode(request.current_state)
        stored = self.store.get(request.type_name, current.get("id")) if current else None
        new_state = read_model.read(self.store, request.type_name, stored, current)
        if stored is not None and new_state is None:  # a child whose setting its parent no longer has
            with self.store.transaction():
                self.store.delete(request.type_name, stored["id"])
        if new_state is not None:  # an object an older emulator stored keeps its values, in today's schema's shape
            new_state = _conform(spec.resource(request.type_name), new_state)
        return pb.ReadResource.Response(new_state=encode(new_state), private=request.private)

    def ImportResourceState(self, request: Any, context: grpc.ServicerContext) -> Any:
        stored = read_model.read(self.store, request.type_name, self.store.get(request.type_name, request.id), None)
        if stored is None:
            return pb.ImportResourceState.Response(diagnostics=[_diag(
                _ERROR, f"{request.type_name} {request.id} does not exist in the emulated cloud",
                "Only objects the emulator created can be imported.")])
        return pb.ImportResourceState.Response(imported_resources=[
            pb.ImportResourceState.ImportedResource(type_name=request.type_name,
                                                    state=encode(_conform(spec.resource(request.type_name), stored)))])

    def PlanResourceChange(self, request: Any, context: grpc.ServicerContext) -> Any:
        type_name = request.type_name
        proposed = decode(request.proposed_new_state)
        if proposed is None:  # destroy
            return pb.PlanResourceChange.Response(planned_state=request.proposed_new_state, legacy_type_system=True)
        prior = decode(request.prior_state)
        config = decode(request.config) or {}
        block = spec.resource(type_name)
        planned = planner.plan(type_name, block, config, prior)
        replace: list[list[str | int]] = []
        diagnostics: list[pb.Diagnostic] = []
        if prior is not None:
            replace = planner.replace_paths(block, prior, planned)
        if prior is None or planned != prior:
            ctx = plugins.Context(self.store, self.region, "plan", type_name, None if replace else prior)
            diagnostics = [_cloud_diag(e, self.region) for e in plugins.run(ctx, type_name, planned)]
        return pb.PlanResourceChange.Response(
            planned_state=encode(planned),
            requires_replace=[attribute_path(p) for p in replace],
            planned_private=request.prior_private,
            diagnostics=diagnostics,
            legacy_type_system=True,
        )

    def ApplyResourceChange(self, request: Any, context: grpc.ServicerContext) -> Any:
        type_name = request.type_name
        prior = decode(request.prior_state)
        planned = decode(request.planned_state)
        try:
            with self.store.transaction():
                if planned is None:
                    self._delete(type_name, prior)
                    new_state = None
                else:
                    new_state = self._save(type_name, prior, planned)
        except EmulatorError as exc:
            return pb.ApplyResourceChange.Response(
                new_state=request.prior_state if prior is not None else encode(None),
                diagnostics=[_cloud_diag(e, self.region) for e in exc.errors],
                legacy_type_system=True,
            )
        return pb.ApplyResourceChange.Response(new_state=encode(new_state), private=request.planned_private,
                                               legacy_type_system=True)

    # ---------------------------------------------------------------- the cloud side
    def create(self, type_name: str, config: dict[str, Any]) -> dict[str, Any]:
        """Create one object outside Terraform (seeding a cloud): the plan, value filling, cloud checks and
        store write an apply does, in the provider's current region; EmulatorError when the cloud refuses."""
        planned = planner.plan(type_name, spec.resource(type_name), config, None)
        ctx = plugins.Context(self.store, self.region, "plan", type_name, None)
        errors = plugins.run(ctx, type_name, planned)
        if errors:
            raise EmulatorError(errors)
        with self.store.transaction():
            return self._save(type_name, None, planned)

    def _save(self, type_name: str, prior: dict[str, Any] | None, planned: dict[str, Any]) -> dict[str, Any]:
        """Fill, check and store `planned` (a fresh value of this request: it becomes the new state in place)."""
        block = spec.resource(type_name)
        state = planned
        if prior is not None and prior.get("id"):
            state["id"] = prior["id"]
        values.fill(type_name, block, state, self.region, self.store.get)
        if prior is not None:
            plugins.refresh(type_name, state, self.region, self.store.get)
        wrong = values.type_errors(block, state)
        if has_unknown(state) or wrong:  # an emulator bug: never store what Terraform would reject
            raise EmulatorError([plugins.CloudError(
                "InternalError", f"{type_name}: emulator left {', '.join(wrong) or 'a value'} unknown or mistyped")])
        for owned_type, raw in owned.created_with(type_name, state, prior, self.store.get):  # before checks see refs
            owned_state = {**_conform(spec.resource(owned_type), raw), owned.OWNER_KEY: raw[owned.OWNER_KEY]}
            self.store.put(owned_type, owned_state["id"], self.region, owned_state, owned_state.get("vpc_id"), [])
        ctx = plugins.Context(self.store, self.region, "apply", type_name, prior)
        errors = plugins.run(ctx, type_name, state)
        if prior is None and self.store.exists(type_name, state["id"]):
            errors.append(plugins.CloudError(f"{_kind(type_name)}.AlreadyExist",
                                            f"{type_name} {state['id']} already exists in the emulated cloud; "
                                            "accepted: a name no other object of this type uses", ("id",)))
        if errors:
            raise EmulatorError(errors)
        state = read_model.parent_written(self.store, type_name, read_model.cloud_state(type_name, state))
        refs = references.hard_refs(self.store, type_name, state)
        self.store.put(type_name, state["id"], self.region, state, _parent(type_name, state), refs)
        read_model.child_written(self.store, type_name, state, prior)
        return state

    def _delete(self, type_name: str, prior: dict[str, Any]) -> None:
        object_id = str(prior.get("id"))
        if prior.get("deletion_protection") is True and type_name == owned.CLUSTER:
            raise EmulatorError([plugins.CloudError(
                "ErrorDeletionProtection", f"{type_name} {object_id} has deletion protection on; accepted: set "
                "deletion_protection = false and apply first (ACK refuses DeleteCluster while it is on)")])
        users = self.store.dependents(type_name, object_id)
        if users:
            shown = ", ".join(f"{t} {i}" for t, i in users[:5])
            raise EmulatorError([plugins.CloudError(
                "DependencyViolation", f"{type_name} {object_id} is still used by {shown}; accepted: delete those "
                                       "first (Terraform does when they are in the same configuration)")])
        self.store.delete(type_name, object_id)
        read_model.child_deleted(self.store, type_name, prior)
        for owned_type, owned_id in owned.deleted_with(type_name, prior):
            if owned.owned_by_someone(self.store.get(owned_type, owned_id)):
                self.store.delete(owned_type, owned_id)


def _kind(type_name: str) -> str:
    return "".join(p.title() for p in type_name.removeprefix("alicloud_").split("_"))


def _parent(type_name: str, state: dict[str, Any]) -> str | None:
    """The object a type is listed under (vswitches by VPC), for cheap sibling lookups."""
    return state.get("vpc_id") if type_name == "alicloud_vswitch" else None


def _cloud_diag(error: plugins.CloudError, region: str) -> pb.Diagnostic:
    return _diag(_ERROR, f"{error.code}: {error.message}",
                 f"The emulated Alibaba Cloud API (alicloud-ml emulator, region {region}) rejected this request.",
                 error.path)


def _conform(block: spec.Block, raw: dict[str, Any]) -> dict[str, Any]:
    """A stored state shaped exactly like the schema: unknown keys dropped, missing ones null."""
    out = {name: raw.get(name) for name in block.attrs}
    for name, nested in block.blocks.items():
        value = raw.get(name)
        if nested.mode == "single":
            out[name] = _conform(nested.block, value) if isinstance(value, dict) else None
        else:
            out[name] = [_conform(nested.block, v) for v in value if isinstance(v, dict)] if isinstance(value, list) \
                else []
    return out
