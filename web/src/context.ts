import type { Api } from './api';
import type { Config, Snapshot } from './snapshot';
import type { Group, Indicator, Zone } from './types';

/** What every view gets: the configuration, the snapshot, the API and the registry of the current version. */
export interface Context {
  config: Config;
  snapshot: Snapshot;
  api: Api;
  params: URLSearchParams;
  zones: Zone[];
  groups: Group[];
  indicators: Map<string, Indicator>;
}

/** A zone by id, 中文名 or alias, as users type it in the address. */
export function findZone(ctx: Context, key: string): Zone | undefined {
  const k = key.trim();
  return ctx.zones.find(z => z.id === k) ?? ctx.zones.find(z => z.nameZh === k || z.nameEn === k || (z.nameAliases ?? []).includes(k));
}

export function findGroup(ctx: Context, key: string): Group | undefined {
  return ctx.groups.find(g => g.id === key || g.nameZh === key);
}

/** An address within the portal keeping the language (and the snapshot/API bases when given in the address). */
export function link(ctx: Context, params: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const k of ['lang', 'snapshots', 'api']) { const v = ctx.params.get(k); if (v) q.set(k, v); }
  for (const [k, v] of Object.entries(params)) q.set(k, v);
  return '?' + q.toString();
}
