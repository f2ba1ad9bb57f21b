// Resolution audit: does the graph hold one node per real thing across the whole corpus? Gold entities
// of the resolved labels are joined across documents into clusters when they share a comparison form
// (name or alias, folded as the scorer folds them) and a label; then every node of those labels is
// matched to the clusters its own name and aliases fall in. A cluster met by two nodes is a split; a
// node meeting two clusters covers two gold things (a wrong merge, or a gold pair the texts never tell
// apart). Used by the corpus-wide integration test and by `node bin/run.js tools/resolution-audit.ts`.
import type { GoldFile } from './gold.ts';
import type { NameFolding } from './fold.ts';

export const RESOLVED_LABELS = ['Company', 'Drug', 'Target', 'Organization', 'Person'] as const;

/** What the audit needs of a node: its key, labels, name and aliases. */
export interface AuditedNode {
  key: string;
  labels: readonly string[];
  name: string;
  aliases: readonly string[];
}

/** Gold entities that are one thing across the corpus. */
export interface GoldCluster {
  id: number;
  label: string;
  /** The comparison forms of every name and alias of its members. */
  forms: string[];
  /** `document: name` of each member. */
  members: string[];
}

export interface ResolutionAudit {
  clusters: GoldCluster[];
  /** Clusters met by more than one node, with those nodes' keys. */
  splits: { cluster: GoldCluster; nodes: string[] }[];
  /** Nodes that meet more than one cluster. */
  merges: { node: string; clusters: GoldCluster[] }[];
}

export function goldClusters(files: readonly GoldFile[], folding: NameFolding): GoldCluster[] {
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  const entries: { label: string; forms: Set<string>; member: string }[] = [];
  const byForm = new Map<string, number>();
  for (const file of files) {
    for (const e of file.gold.entities) {
      if (!(RESOLVED_LABELS as readonly string[]).includes(e.type)) continue;
      const forms = folding.matchKeys([e.name, ...(e.aliases ?? [])]);
      const index = entries.length;
      entries.push({ label: e.type, forms, member: `${file.gold.document}: ${e.name}` });
      parent.push(index);
      for (const form of forms) {
        const slot = `${e.type}|${form}`;
        const other = byForm.get(slot);
        if (other === undefined) byForm.set(slot, index);
        else {
          const [a, b] = [find(other), find(index)];
          if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
  }
  const grouped = new Map<number, { label: string; forms: Set<string>; members: string[] }>();
  entries.forEach((e, i) => {
    const root = find(i);
    const group = grouped.get(root) ?? { label: e.label, forms: new Set<string>(), members: [] };
    for (const f of e.forms) group.forms.add(f);
    group.members.push(e.member);
    grouped.set(root, group);
  });
  return [...grouped.values()].map((g, id) => ({ id, label: g.label, forms: [...g.forms].sort(), members: g.members.sort() }));
}

export function auditResolution(nodes: readonly AuditedNode[], clusters: readonly GoldCluster[], folding: NameFolding): ResolutionAudit {
  const byForm = new Map<string, GoldCluster>();
  for (const c of clusters) for (const f of c.forms) byForm.set(`${c.label}|${f}`, c);
  const nodesOf = new Map<number, Set<string>>();
  const merges: ResolutionAudit['merges'] = [];
  for (const node of nodes) {
    const label = node.labels.find((l) => (RESOLVED_LABELS as readonly string[]).includes(l));
    if (label === undefined) continue;
    const met = new Map<number, GoldCluster>();
    for (const form of folding.matchKeys([node.name, ...node.aliases])) {
      const c = byForm.get(`${label}|${form}`);
      if (c) met.set(c.id, c);
    }
    for (const c of met.values()) nodesOf.set(c.id, (nodesOf.get(c.id) ?? new Set()).add(node.key));
    if (met.size > 1) merges.push({ node: node.key, clusters: [...met.values()].sort((a, b) => a.id - b.id) });
  }
  const splits: ResolutionAudit['splits'] = [];
  for (const c of clusters) {
    const met = nodesOf.get(c.id);
    if (met && met.size > 1) splits.push({ cluster: c, nodes: [...met].sort() });
  }
  return { clusters: [...clusters], splits, merges: merges.sort((a, b) => (a.node < b.node ? -1 : 1)) };
}
