"""Real Terraform against the emulator on what real-world modules do: variables unknown at validate, older
resource names for one object, removed attributes, the `hashicorp/alicloud` address, out-of-support ACK
versions and data sources every account can read. Few runs, each covering several behaviours.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.emulator.conftest import VPC, Workspace, errors, ref

NAT = {"alicloud_vswitch": {"v": {"vpc_id": ref("alicloud_vpc.main.id"), "cidr_block": "10.0.1.0/24",
                                  "zone_id": "cn-shanghai-b"}},
       "alicloud_nat_gateway": {"n": {"vpc_id": ref("alicloud_vpc.main.id"), "vswitch_id": ref("alicloud_vswitch.v.id"),
                                      "nat_type": "Enhanced", "payment_type": "PayAsYouGo"}}}


def _document(ws: Workspace, body: dict[str, Any], source: str = "aliyun/alicloud") -> None:
    doc = {"terraform": {"required_providers": {"alicloud": {"source": source, "version": "1.289.0"}}},
           "provider": {"alicloud": {"region": "cn-shanghai"}}, **body}
    (ws.root / "main.tf.json").write_text(json.dumps(doc, indent=1))


def _outputs(ws: Workspace) -> dict[str, Any]:
    return {k: v["value"] for k, v in json.loads(ws.run("output", "-json").stdout).items()}


def test_a_module_wiring_both_sides_of_a_conflict_from_null_variables_validates_and_plans(ws: Workspace) -> None:
    # GIVEN a module-like configuration: each side of two ConflictsWith pairs comes from a variable defaulting to null
    variables = {n: {"default": None, "type": t} for n, t in (("ips", "list(string)"), ("ip_count", "number"),
                                                               ("snat_ip", "string"), ("snat_vsw", "string"))}
    instance = {"image_id": "ubuntu_22_04_x64_20G_alibase_20250630.vhd", "instance_type": "ecs.g7.large",
                "secondary_private_ips": ref("var.ips"), "secondary_private_ip_address_count": ref("var.ip_count"),
                "vswitch_id": ref("alicloud_vswitch.v.id")}
    snat = {"snat_table_id": ref("alicloud_nat_gateway.n.snat_table_ids"), "snat_ip": "1.2.3.4",
            "source_cidr": ref("var.snat_ip"), "source_vswitch_id": ref("var.snat_vsw")}
    _document(ws, {"variable": variables, "resource": {**VPC, **NAT, "alicloud_instance": {"i": instance},
                                                       "alicloud_snat_entry": {"s": snat}}})

    # WHEN Terraform validates (the variables are unknown) and plans (they are null)
    ws.run("validate")
    plan = ws.run("plan", "-input=false", "-var", "snat_vsw=vsw-x", ok=False)

    # THEN neither counts an unset side as set, as the SDK does (schema.go:1499, 1558)
    assert plan.returncode == 0, errors(plan)

    # AND both sides known and set is refused, naming the pair
    refused = ws.run("plan", "-input=false", "-var", "ip_count=2", "-var", 'ips=["10.0.1.9"]',
                     "-var", "snat_vsw=vsw-x", ok=False)
    assert "secondary_private_ip_address_count conflicts with secondary_private_ips" in errors(refused)


def test_an_eip_of_the_older_type_is_found_and_removed_attributes_read_null(ws: Workspace) -> None:
    # GIVEN an EIP made by the older `alicloud_eip`, attached by `alicloud_eip_association` (which names
    # `alicloud_eip_address`: provider.go builds both types with resourceAliCloudEipAddress)
    ws.write({**VPC, **NAT, "alicloud_eip": {"e": {"address_name": "old-style"}},
              "alicloud_eip_association": {"a": {"allocation_id": ref("alicloud_eip.e.id"),
                                                 "instance_id": ref("alicloud_nat_gateway.n.id")}}})
    doc = json.loads((ws.root / "main.tf.json").read_text())
    doc["output"] = {"spec": {"value": ref("alicloud_nat_gateway.n.spec")},
                     "listed": {"value": ref("data.alicloud_eip_addresses.all.ids")}}
    doc["data"] = {"alicloud_eip_addresses": {"all": {"depends_on": ["alicloud_eip.e"]}}}
    (ws.root / "main.tf.json").write_text(json.dumps(doc))

    # WHEN it is applied
    ws.apply()

    # THEN the association found the EIP, the newer type's listing shows it, and a Removed attribute reads null
    state = {r["address"]: r["values"] for r in ws.show()["values"]["root_module"]["resources"]}
    assert state["alicloud_eip_association.a"]["allocation_id"] == state["alicloud_eip.e"]["id"]
    assert _outputs(ws)["listed"] == [state["alicloud_eip.e"]["id"]]
    assert _outputs(ws).get("spec") is None

    # AND setting the removed attribute is refused with the provider's message
    doc["resource"]["alicloud_nat_gateway"]["n"]["spec"] = "Small"
    (ws.root / "main.tf.json").write_text(json.dumps(doc))
    text = errors(ws.run("validate", ok=False))
    assert "spec has been removed from the provider" in text and "New field `specification` instead" in text


def test_an_ack_version_out_of_support_is_refused_at_plan(ws: Workspace) -> None:
    ws.write({**VPC, **NAT, "alicloud_cs_managed_kubernetes": {"k": {
        "name": "old", "cluster_spec": "ack.pro.small", "vswitch_ids": [ref("alicloud_vswitch.v.id")],
        "version": "1.24.6-aliyun.1", "new_nat_gateway": False, "pod_cidr": "172.20.0.0/16",
        "service_cidr": "172.21.0.0/20"}}})
    text = errors(ws.run("plan", "-input=false", ok=False))
    assert "InvalidParameter.KubernetesVersion" in text and "version 1.24.6-aliyun.1 is not a Kubernetes version" in text
    assert "1.35.2-aliyun.1" in text  # the accepted list, the one alicloud_cs_kubernetes_version answers


def test_the_hashicorp_address_serves_the_same_provider_and_account_data_sources_answer(ws: Workspace,
                                                                                         tmp_path: Path) -> None:
    # GIVEN a configuration declaring `hashicorp/alicloud`, reading what every account has
    key = {"alicloud_kms_key": {"k": {"description": "k", "pending_window_in_days": 7}},
           "alicloud_kms_ciphertext": {"c": {"key_id": ref("alicloud_kms_key.k.id"), "plaintext": "s3cret",
                                             "encryption_context": {"app": "ml"}}}}
    data = {"alicloud_kms_plaintext": {"p": {"ciphertext_blob": ref("alicloud_kms_ciphertext.c.ciphertext_blob"),
                                             "encryption_context": {"app": "ml"}}},
            "alicloud_ram_policies": {"sys": {"type": "System", "name_regex": "^(AdministratorAccess|ReadOnlyAccess)$"}},
            "alicloud_kvstore_instance_classes": {"r": {"zone_id": "cn-shanghai-b", "engine": "Redis",
                                                        "architecture": "standard", "edition_type": "Community"}},
            "alicloud_nas_protocols": {"n": {"type": "Performance"}},
            "alicloud_chatbot_agents": {"a": {}},
            "alicloud_simple_application_server_images": {"i": {"name_regex": "CentOS-7.3"}}}
    outputs = {"plain": "data.alicloud_kms_plaintext.p.plaintext", "policies": "data.alicloud_ram_policies.sys.names",
               "redis": "data.alicloud_kvstore_instance_classes.r.instance_classes",
               "nas": "data.alicloud_nas_protocols.n.protocols", "agents": "data.alicloud_chatbot_agents.a.ids",
               "image": "data.alicloud_simple_application_server_images.i.images[0].image_name"}
    _document(ws, {"resource": key, "data": data, "output": {k: {"value": ref(v)} for k, v in outputs.items()}},
              source="hashicorp/alicloud")

    # WHEN Terraform initialises and applies
    ws.apply()

    # THEN the provider came from the emulator's mirror and every data source answered
    assert "registry.terraform.io/hashicorp/alicloud" in (ws.root / ".terraform.lock.hcl").read_text()
    out = _outputs(ws)
    assert out["plain"] == "s3cret"
    assert sorted(out["policies"]) == ["AdministratorAccess", "ReadOnlyAccess"]
    assert "redis.master.small.default" in out["redis"]
    assert out["nas"] == ["NFS", "SMB"]
    assert out["agents"] == []
    assert out["image"] == "CentOS-7.3"
