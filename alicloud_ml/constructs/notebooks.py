"""`NotebookReaper`: a Function Compute 3.0 function that stops running DSW notebooks every evening.

"Idle notebooks are where budgets die": the guide runs `aliyun pai-dsw StopInstance` from cron at
19:00. The provider has no DSW instance resource (v1.289.0 has only `alicloud_pai_dsw_temp_file_task`),
so this is a deployed, scheduled function running the toolkit's own handler
(`alicloud_ml/handlers/notebook_reaper/`, entry `handler.handler`). Facts, each from its source:

- `alicloud_fcv3_function` with runtime `python3.12` (in the provider's runtime list,
  `alicloud/resource_alicloud_fcv3_function.go` at v1.289.0). The ZIP is built at synth time
  (`_fc_package.py`: handler + the SDK built for python3.12, deterministic, cached per content) and
  deployed from OSS (`_fc_code.py`: an object named by its hash in the stack's code bucket), so state
  holds a bucket and a key, not megabytes of base64.
- Handler `index.handler`: Python handlers are `<file name>.<method name>`
  (https://www.alibabacloud.com/help/en/functioncompute/latest/event-handlers); `index.py` at the ZIP
  root re-exports the toolkit's handler.
- Timer trigger: `trigger_type = "timer"`, `qualifier = "LATEST"`, `trigger_config` JSON with
  `cronExpression`, `enable`, `payload` (provider `alicloud/resource_alicloud_fcv3_trigger_test.go`);
  cron has six fields (seconds first) and is UTC unless prefixed `CRON_TZ=<IANA zone>`
  (https://www.alibabacloud.com/help/en/functioncompute/fc/time-triggers,
  https://help.aliyun.com/document_detail/2513615.html).
- Outside the VPC, on purpose: the function only calls the DSW OpenAPI, whose public endpoint
  `pai-dsw.<region>.aliyuncs.com` it reaches over HTTPS with signed STS requests (handler `dsw.py`);
  FC functions reach the internet unless `internet_access` is off (provider doc). A VPC
  attachment would add ENIs in the platform's vSwitches and a security group for no gain.
- Credentials: the function's RAM role, trusted by `fc.aliyuncs.com`; the python3.12 runtime passes
  its STS credentials as `ALIBABA_CLOUD_*` environment variables (handler `dsw.py`,
  https://www.alibabacloud.com/help/en/functioncompute/fc/environment-variables). The role may
  call only the handler's `REQUIRED_ACTIONS` (`paidsw:ListInstances`, `paidsw:StopInstance`;
  resource `*`, since both list "All resources") and write to its own Logstore
  (`log:PostLogStoreLogs`, which FC needs to deliver stdout there:
  https://www.alibabacloud.com/help/en/functioncompute/fc/logging-2).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from constructs import Construct

from alicloud_ml._cdk import TerraformOutput
from alicloud_ml.constructs._fc_code import emulated, function_code
from alicloud_ml.constructs._fc_package import HANDLER, TARGET_RUNTIME, Package, handler_package
from alicloud_ml.constructs.iam import role_with_policy, service_trust
from alicloud_ml.handlers.notebook_reaper import REQUIRED_ACTIONS
from alicloud_ml.props.base import resolve_props
from alicloud_ml.props.notebooks import REAPER_ESTIMATE_TAGS, NotebookReaperProps
from alicloud_ml.provider.fcv3 import Fcv3Function, Fcv3FunctionLogConfig, Fcv3Trigger
from alicloud_ml.provider.sls import LogStore

FC_SERVICE = "fc.aliyuncs.com"
#: The package's digest as an environment variable. The provider sends `code` only along with another change
#: ("If modified in isolation without other property changes, Terraform will not trigger any action", provider
#: doc fcv3_function, `code`): a new package changes this variable too, so the new code is deployed.
CODE_VERSION_ENV = "ALICLOUD_ML_CODE_SHA256"
#: Region → IANA time zone of the region's city (cities: https://www.alibabacloud.com/help/en/ecs/product-overview/regions-and-zones;
#: zone names: the IANA tz database). Mainland regions all keep China Standard Time.
REGION_TIME_ZONES: dict[str, str] = {
    "cn-hongkong": "Asia/Hong_Kong", "ap-southeast-1": "Asia/Singapore", "ap-southeast-3": "Asia/Kuala_Lumpur",
    "ap-southeast-5": "Asia/Jakarta", "ap-southeast-6": "Asia/Manila", "ap-southeast-7": "Asia/Bangkok",
    "ap-northeast-1": "Asia/Tokyo", "ap-northeast-2": "Asia/Seoul", "ap-south-1": "Asia/Kolkata",
    "eu-central-1": "Europe/Berlin", "eu-west-1": "Europe/London", "us-west-1": "America/Los_Angeles",
    "us-east-1": "America/New_York", "me-east-1": "Asia/Dubai", "me-central-1": "Asia/Riyadh",
}


def region_time_zone(region: str) -> str:
    """The IANA zone of a region: mainland `cn-*` regions are Asia/Shanghai."""
    if region in REGION_TIME_ZONES:
        return REGION_TIME_ZONES[region]
    if region.startswith("cn-"):
        return "Asia/Shanghai"
    raise KeyError(region)


class NotebookReaper(Construct):
    """FC 3.0 function + timer trigger + least-privilege role + logstore.

    Attributes: `function`, `trigger`, `role`, `policy_document`, `log_store`, `cron_expression`
    (with `CRON_TZ=`), `environment`, `package` (the built ZIP: bytes, sha256, distributions).
    """

    def __init__(self, scope: Construct, id: str, *, props: NotebookReaperProps | Mapping[str, Any],
                 region: str, log_project: str, workspace_id: str | None = None,
                 site_packages: str | Path | None = None) -> None:
        super().__init__(scope, id)
        self.props = p = resolve_props(NotebookReaperProps, props, self.node.path)
        workspace = p.workspace_id or workspace_id
        if not workspace:
            raise _input_error(self.node.path, "workspace_id", "no workspace to reap",
                               "a PAI workspace id, or add a [workspace] section")
        try:
            zone = p.time_zone or region_time_zone(region)
        except KeyError:
            raise _input_error(self.node.path, "time_zone", f"no known time zone for region {region!r}",
                               "an IANA zone such as Asia/Shanghai") from None
        self.cron_expression = f"CRON_TZ={zone} {p.cron}"
        self.log_store = LogStore(self, "LogStore", project_name=log_project, logstore_name=p.log_store,
                                  retention_period=p.log_retention_days, shard_count=1, auto_split=True,
                                  max_split_shard_count=8, append_meta=True)
        self.policy_document: dict[str, Any] = {"Version": "1", "Statement": [
            {"Effect": "Allow", "Action": list(REQUIRED_ACTIONS), "Resource": ["*"]},
            {"Effect": "Allow", "Action": ["log:PostLogStoreLogs"],
             "Resource": [f"acs:log:{region}:*:project/{log_project}/logstore/{p.log_store}"]},
        ]}
        tags = p.tags or None
        self.role, attachment = role_with_policy(
            self, "", name=f"{p.function_name}-role"[:64], policy_name=f"{p.function_name}-policy"[:128],
            trust=[service_trust(FC_SERVICE)], statements=self.policy_document["Statement"], tags=tags,
            description="DSW notebook reaper: list and stop notebooks, write its log",
            policy_description="paidsw:ListInstances/StopInstance and its own logstore only")
        self.package = reaper_package(site_packages, emulated=emulated(self))
        self.environment = {"DSW_WORKSPACE_ID": workspace, "DSW_REGION": region, "EXEMPT_TAG": p.exempt_tag,
                            **({"IDLE_MINUTES": str(p.idle_minutes)} if p.idle_minutes else {}),
                            **({"DRY_RUN": "true"} if p.dry_run else {}),
                            CODE_VERSION_ENV: self.package.sha256[:16]}
        function_tags = {**p.tags, **_estimate_tags(p)}
        self.function = Fcv3Function(
            self, "Resource", function_name=p.function_name, runtime=TARGET_RUNTIME, handler=HANDLER,
            description="Stops running DSW notebooks in the evening unless tagged " + p.exempt_tag,
            code=function_code(self, self.package, p.function_name), memory_size=p.memory_mb,
            cpu=_cpu_for(p.memory_mb), timeout=p.timeout_s, instance_concurrency=1, internet_access=True,
            role=self.role.arn, environment_variables=self.environment,
            log_config=Fcv3FunctionLogConfig(project=log_project, logstore=self.log_store.logstore_name,
                                             enable_request_metrics=True, enable_instance_metrics=False),
            tags=function_tags or None, depends_on=[attachment])
        self.trigger = Fcv3Trigger(
            self, "Timer", function_name=self.function.function_name, qualifier="LATEST", trigger_type="timer",
            trigger_name="evening-stop", description=f"{p.cron} in {zone}",
            trigger_config=json.dumps({"cronExpression": self.cron_expression, "enable": True, "payload": ""}))
        TerraformOutput(self, "function_name", value=self.function.function_name,
                        description="The DSW notebook reaper (invoke it by hand with DRY_RUN to rehearse)")


def reaper_package(site_packages: str | Path | None = None, *, emulated: bool = False) -> Package:
    """The reaper's code package: the handler modules (not the demo or its fake API) and the vendored DSW SDK."""
    return handler_package("alicloud_ml.handlers.notebook_reaper", site_packages=site_packages, emulated=emulated)


def _cpu_for(memory_mb: int) -> float:
    """vCPU for `memory_mb`: FC wants vCPU:GiB between 1:1 and 1:4 in steps of 0.05 (provider fcv3_function doc)."""
    return round(max(1, math.ceil(memory_mb / 1024 / 4 / 0.05 - 1e-9)) * 0.05, 2)


def _estimate_tags(p: NotebookReaperProps) -> dict[str, str]:
    if not p.estimate_notebooks or not p.estimate_instance_type:
        return {}
    keys = REAPER_ESTIMATE_TAGS
    return {keys["notebooks"]: str(p.estimate_notebooks), keys["instance_type"]: p.estimate_instance_type,
            keys["hours_per_night"]: f"{p.stopped_hours_per_night:g}"}


def _input_error(where: str, field: str, problem: str, accepted: str) -> Exception:
    from alicloud_ml.errors import InputError

    return InputError(where, field, problem, accepted)
