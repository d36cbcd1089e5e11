"""A `Source` (one stack's resources and references) → a `Diagram` a newcomer reads in seconds.

Nesting says where things are: region → VPC → zone/vSwitch, with each tier (the ACK cluster and
its node pools, CPFS with its mount target, EAS, RAG, registry, state, observability, RAM roles)
in its own box, placed in the smallest network box that holds all of its members. Satellites are
folded into their owner (`kinds.SATELLITES`), placement references (VPC, vSwitch) become nesting
rather than edges, and the remaining references become edges, labelled where the label says
something (the ports a security group opens, the service account a role trusts, the events of
the OSS trigger).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from alicloud_ml.diagram import facts as F
from alicloud_ml.diagram.kinds import BORROWING_TYPES, SATELLITES, TIERS, kind_of
from alicloud_ml.diagram.model import Diagram, Edge, Group, Node
from alicloud_ml.diagram.source import Source
from alicloud_ml.synthesized import Resource, json_attribute

REGION = "region"
VPC, VSWITCH = "alicloud_vpc", "alicloud_vswitch"
CLUSTER, POOL = "alicloud_cs_managed_kubernetes", "alicloud_cs_kubernetes_node_pool"
ROLE, FUNCTION, TRIGGER = "alicloud_ram_role", "alicloud_fcv3_function", "alicloud_fcv3_trigger"
BACKEND_NODE = "terraform_backend"


def node_id(address: str) -> str:
    """An id that DOT and Mermaid both accept as is."""
    return "n_" + re.sub(r"[^A-Za-z0-9_]", "_", address)


def build(source: Source) -> Diagram:
    b = _Builder(source)
    return b.diagram


class _Builder:
    def __init__(self, source: Source) -> None:
        self.src = source
        self.res = source.by_address
        self.diagram = Diagram(source.title)
        self.owner = _owners(source)
        self.members: dict[str, list[Resource]] = {}
        for address, owner in self.owner.items():
            self.members.setdefault(owner, []).append(self.res[address])
        self.diagram.groups[REGION] = Group(REGION, f"Region {source.region}" if source.region else "Region (not set)",
                                            kind="region")
        self._network()
        self._nodes()
        self._edges()
        self.diagram.prune()

    # ------------------------------------------------------------ network: nesting, not boxes

    def _targets(self, address: str, rtype: str) -> list[str]:
        return sorted({t for _, t in self.src.refs.get(address, []) if self.res[t].type == rtype})

    def _network(self) -> None:
        self.vpc_group: dict[str, str] = {}
        self.vpc_cidrs = frozenset(str(r.attrs["cidr_block"]) for r in self.src.resources
                                   if r.type == VPC and F.literal(r.attrs.get("cidr_block")))
        self.zone_group: dict[str, str] = {}
        self.vswitch_vpc: dict[str, str | None] = {}
        for r in self.src.resources:
            if r.type == VPC:
                gid = node_id(r.address)
                self.vpc_group[r.address] = gid
                name = F.literal(r.attrs.get("vpc_name")) or r.name
                cidr = F.literal(r.attrs.get("cidr_block"))
                self.diagram.groups[gid] = Group(gid, f"VPC {name}" + (f" · {cidr}" if cidr else ""), REGION, "vpc",
                                                 address=r.address)
        zones: dict[tuple[str | None, str], str] = {}
        for r in self.src.resources:
            if r.type != VSWITCH:
                continue
            vpcs = self._targets(r.address, VPC)
            vpc = vpcs[0] if vpcs else None
            self.vswitch_vpc[r.address] = vpc
            zone = str(F.literal(r.attrs.get("zone_id")) or "zone unknown")
            key = (vpc, zone)
            if key not in zones:
                zones[key] = gid = f"zone_{len(zones)}"
                parent = self.vpc_group.get(vpc or "", REGION)
                self.diagram.groups[gid] = Group(gid, f"Zone {zone}", parent, "zone")
            self.zone_group[r.address] = zones[key]

    def _placement(self, address: str) -> str:
        """The smallest network box a resource sits in: its one vSwitch's zone, its VPC, or the region."""
        vswitches = self._targets(address, VSWITCH)
        if len(vswitches) == 1:
            return self.zone_group[vswitches[0]]
        vpcs = {v for s in vswitches if (v := self.vswitch_vpc.get(s))} | set(self._targets(address, VPC))
        return self.vpc_group[vpcs.pop()] if len(vpcs) == 1 else REGION

    def _common(self, placements: list[str]) -> str:
        """The innermost box holding every placement."""
        chains = [self._chain(p) for p in placements]
        common = REGION
        for level in zip(*chains, strict=False):
            if len(set(level)) != 1:
                break
            common = level[0]
        return common

    def _chain(self, gid: str) -> list[str]:
        chain = []
        cur: str | None = gid
        while cur is not None:
            chain.append(cur)
            cur = self.diagram.groups[cur].parent
        return chain[::-1]

    # ------------------------------------------------------------ boxes

    def _nodes(self) -> None:
        tiers: dict[str, str] = {}
        placement: dict[str, str] = {}
        for address in sorted(self.members):
            r = self.res[address]
            if r.type == VPC:
                continue
            kind = kind_of(r.type)
            nid = node_id(address)
            name = next((str(v) for k in kind.name_keys if (v := F.literal(r.attrs.get(k)))), _fallback_name(r))
            if r.type == "alicloud_pai_service":
                name = F.eas_name(r)
            elif r.type == "alicloud_nas_protocol_mount_target":
                name = f"export {F.literal(r.attrs.get('path')) or '/'}"
            node = Node(nid, kind.label, name, F.facts_of(r, self.members[address]),
                        members=[m.address for m in self.members[address]])
            if r.type == "alicloud_security_group":
                node.facts = [F.ingress_summary(self._rules(address), self.vpc_cidrs) or "no rules"]
            self.diagram.nodes[nid] = node
            placement[nid] = self.zone_group[address] if r.type == VSWITCH else self._placement(address)
            if kind.tier is not None:
                tiers[nid] = kind.tier
        self._borrow_tiers(tiers)
        self._backend(tiers, placement)
        self._pool_zones(placement)
        # a tier box per tier (per cluster for ACK), placed in the innermost box holding all its members
        boxes: dict[str, list[str]] = {}
        for nid, tier in tiers.items():
            boxes.setdefault(self._tier_key(nid, tier), []).append(nid)
        for key, nids in sorted(boxes.items()):
            gid = "tier_" + key
            tier = tiers[nids[0]]
            label = TIERS[tier]
            if tier == "ack":
                anchor = self.diagram.nodes.get(key.removeprefix("ack_"))
                label = f"ACK cluster {anchor.name}" if anchor else label
            # members the network does not hold (a bucket, a key) follow the ones it does
            placed = [placement[n] for n in nids if placement[n] != REGION]
            self.diagram.groups[gid] = Group(gid, label, self._common(placed) if placed else REGION, tier=tier)
            for nid in nids:
                self.diagram.nodes[nid].group = gid
        for nid, node in self.diagram.nodes.items():
            if node.group is None:
                node.group = placement[nid]

    def _tier_key(self, nid: str, tier: str) -> str:
        if tier != "ack":
            return tier
        address = self.diagram.nodes[nid].members[0] if nid != BACKEND_NODE else ""
        if address and self.res[address].type == CLUSTER:
            return "ack_" + nid
        clusters = self._targets(address, CLUSTER) if address else []
        return "ack_" + node_id(clusters[0]) if clusters else "ack"

    def _borrow_tiers(self, tiers: dict[str, str]) -> None:
        """Keys, buckets and functions join the tier of what they serve (the RAG store's key is RAG); a
        second pass lets a bucket follow the function it triggers once that function has a tier."""
        borrowing = {nid for nid, n in self.diagram.nodes.items()
                     if n.members and self.res[n.members[0]].type in BORROWING_TYPES}
        links: dict[str, set[str]] = {nid: set() for nid in self.diagram.nodes}
        for nid, node in self.diagram.nodes.items():
            for other in self._linked(node):
                links[nid].add(other)
                links[other].add(nid)
        settled = {nid: t for nid, t in tiers.items() if nid not in borrowing and t not in _NO_VOTE}
        for _ in range(2):
            for nid in sorted(borrowing):
                votes = Counter(settled[o] for o in links[nid] if o in settled)
                if votes:
                    tiers[nid] = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            settled.update({nid: tiers[nid] for nid in borrowing if tiers.get(nid) not in (None, *_NO_VOTE)})
        has_lock_table = any(r.type == "alicloud_ots_instance" for r in self.src.resources)
        for nid in borrowing:
            if nid not in settled and self.res[self.diagram.nodes[nid].members[0]].type == "alicloud_oss_bucket":
                tiers[nid] = "state" if has_lock_table else "other"

    def _linked(self, node: Node) -> list[str]:
        out = []
        for m in node.members:
            for _, target in self.src.refs.get(m, []):
                owner = self.owner.get(target)
                other = node_id(owner) if owner else None
                if other and other != node.id and other in self.diagram.nodes:
                    out.append(other)
        return sorted(set(out))

    def _backend(self, tiers: dict[str, str], placement: dict[str, str]) -> None:
        oss = self.src.backend.get("oss") if isinstance(self.src.backend, Mapping) else None
        if not isinstance(oss, Mapping):
            return
        key = "/".join(str(p) for p in (oss.get("prefix"), oss.get("key")) if p)
        facts = [f"state {key}"]
        if oss.get("tablestore_table"):
            facts.append(f"locks in Tablestore table {oss['tablestore_table']}")
        self.diagram.nodes[BACKEND_NODE] = Node(BACKEND_NODE, "OSS backend (bucket)", str(oss.get("bucket")), facts)
        tiers[BACKEND_NODE] = "state"
        placement[BACKEND_NODE] = REGION

    def _pool_zones(self, placement: dict[str, str]) -> None:
        """A pool in fewer zones than its cluster says which ones (prod trains in one zone, next to CPFS)."""
        for node in self.diagram.nodes.values():
            r = self.res.get(node.members[0]) if node.members else None
            if r is None or r.type != POOL:
                continue
            clusters = self._targets(r.address, CLUSTER)
            mine = {self.res[v].attrs.get("zone_id") for v in self._targets(r.address, VSWITCH)}
            theirs = {self.res[v].attrs.get("zone_id") for c in clusters for v in self._targets(c, VSWITCH)}
            if clusters and mine and len(mine) < len(theirs):
                node.facts.append("zone " + ", ".join(sorted(str(z) for z in mine)))

    # ------------------------------------------------------------ edges

    def _edges(self) -> None:
        found: dict[tuple[str, str], Edge] = {}
        for node in self.diagram.nodes.values():
            for m in node.members:
                for key, target in self.src.refs.get(m, []):
                    edge = self._edge(node, self.res[m], key, self.res[target])
                    if edge is None:
                        continue
                    have = found.get((edge.src, edge.dst))
                    if have is not None and have.kind == "layout":
                        have.kind = edge.kind
                    if have is None:
                        found[(edge.src, edge.dst)] = edge
                    elif edge.label and edge.label not in have.label.split("; "):
                        have.label = "; ".join(sorted(filter(None, [*have.label.split("; "), edge.label])))
                        have.kind = have.kind if have.kind != "ref" else edge.kind
        # a dataset mounts the export (the mount target), which stands for the file system behind it
        exports = {(e.src, self.diagram.nodes[e.dst].group) for e in found.values()
                   if e.kind == "mount" and self.diagram.nodes[e.dst].kind == "NFS mount target"}
        self.diagram.edges = [found[k] for k in sorted(found)
                              if not (found[k].kind == "mount" and self.diagram.nodes[k[1]].kind != "NFS mount target"
                                      and (k[0], self.diagram.nodes[k[1]].group) in exports)]

    def _edge(self, node: Node, member: Resource, key: str, target: Resource) -> Edge | None:
        if target.type in (VPC, VSWITCH):
            vpc = self.vswitch_vpc.get(target.address) if target.type == VSWITCH else target.address
            if target.type == VPC or self._inside(node.group, self.vpc_group.get(vpc or "", REGION)):
                return None  # nesting already says it sits in the VPC; its zone is a fact on the box
            label = "VPC endpoint" if member.type == "alicloud_cr_vpc_endpoint_linked_vpc" else "VPC access"
            return Edge(node.id, node_id(target.address), label, "place")
        owner = self.owner.get(target.address)
        if owner is None or (dst := node_id(owner)) == node.id or dst not in self.diagram.nodes:
            return None
        other = self.diagram.nodes[dst]
        owner_type = self.res[owner].type
        if owner_type == "alicloud_security_group":
            opened = [p for p in F.ingress_summary(self._rules(owner), self.vpc_cidrs).split(" · ")
                      if not p.endswith("from members")]
            return Edge(node.id, dst, " · ".join(p for p in opened if p != "no ingress"), "member")
        if member.type == ROLE and key == "assume_role_policy_document":
            accounts = F.service_accounts(member)
            return Edge(node.id, dst, "RRSA " + ", ".join(accounts) if accounts else "trusts", "trust")
        if owner_type == ROLE:
            return Edge(node.id, dst, "invokes as" if member.type == TRIGGER else "runs as", "trust")
        if member.type == TRIGGER and key == "source_arn":
            return Edge(dst, node.id, _trigger_events(member), "trigger")
        if owner_type in ("alicloud_nas_file_system", "alicloud_nas_protocol_mount_target"):
            if node.group == other.group:
                return Edge(node.id, dst, "", "layout")
            return Edge(node.id, dst, _mount_label(member), "mount")
        label = _LABELS.get(owner_type, "")
        if owner_type == "alicloud_kms_key":
            label = "encryption" if re.search("encrypt|kms", key) else "secrets"
        if not label and node.group == other.group:
            # a child's reference to its parent inside one box: the box says it; the edge only keeps them close
            return Edge(node.id, dst, "", "layout")
        return Edge(node.id, dst, label, "logs" if owner_type == "alicloud_log_project" else "ref")

    def _rules(self, group_address: str) -> list[Resource]:
        return [m for m in self.members[group_address] if m.type == "alicloud_security_group_rule"]

    def _inside(self, group: str | None, ancestor: str) -> bool:
        return group is not None and ancestor in self._chain(group)


#: Tiers whose links say nothing about where a key, bucket or function belongs (everything logs).
_NO_VOTE = ("observability", "iam", "functions", "other")

_LABELS = {
    "alicloud_log_project": "logs",
    "alicloud_gpdb_instance": "SQL",
    "alicloud_pai_workspace_workspace": "workspace",
}


def _fallback_name(r: Resource) -> str:
    """A nameless resource (a KMS key) by its construct path (`Rag/Store/Key`), else its Terraform name."""
    parts = [p for p in r.path.split("/")[1:] if p not in ("Platform", "Resource")]
    if parts:
        return "/".join(parts)
    if r.module and r.name in ("this", "main", "default"):
        return r.module.rsplit(".", 1)[-1]  # `module.platform.module.network` → `network`
    return r.name


def _trigger_events(trigger: Resource) -> str:
    config, _ = json_attribute(trigger.attrs.get("trigger_config"))
    events = config.get("events") if isinstance(config, dict) else None
    names = sorted({str(e).split(":")[1] for e in events or [] if str(e).count(":") >= 1})
    return "OSS " + ", ".join(names) if names else "OSS event"


def _mount_label(member: Resource) -> str:
    options, _ = json_attribute(member.attrs.get("options"))
    path = options.get("mountPath") if isinstance(options, dict) else None
    return f"mounts at {path}" if path else "mounts"


# ---------------------------------------------------------------- who owns which satellite


def _owners(source: Source) -> dict[str, str]:
    """Every address → the address of the box it is drawn in (itself for a resource drawn on its own)."""
    res = source.by_address
    referrers: dict[str, list[str]] = {}
    for address, pairs in source.refs.items():
        for _, target in pairs:
            referrers.setdefault(target, []).append(address)
    owner = {a: a for a, r in res.items() if r.type not in SATELLITES}
    pending = [a for a, r in res.items() if r.type in SATELLITES]
    for _ in range(4):  # chains are short: policy → attachment → role, EIP → association → NAT
        left = []
        for address in pending:
            out = [t for _, t in source.refs.get(address, [])]
            found = None
            for rtype in SATELLITES[res[address].type]:  # in order of preference: a protocol service
                found = next((owner[t] for t in out if res[t].type == rtype and t in owner), None)  # joins
                found = found or next((owner[a] for a in sorted(referrers.get(address, []))  # its mount target
                                       if a in owner and res[owner[a]].type == rtype), None)
                if found is not None:
                    break
            if found is None:
                left.append(address)
            else:
                owner[address] = found
        pending = left
    for address in pending:
        owner[address] = address  # no owner in this stack: drawn on its own
    _fold_single_use_roles(source, owner, referrers)
    return owner


def _fold_single_use_roles(source: Source, owner: dict[str, str], referrers: Mapping[str, Any]) -> None:
    """A role only one function uses (and no pod assumes through RRSA) is part of that function's box."""
    res = source.by_address
    for address, r in res.items():
        if r.type != ROLE or owner[address] != address or F.service_accounts(r):
            continue
        users = {owner[a] for a in referrers.get(address, []) if owner[a] != address}
        if len(users) == 1 and res[(user := users.pop())].type == FUNCTION:
            for a, o in list(owner.items()):
                if o == address:
                    owner[a] = user
