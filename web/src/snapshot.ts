import type { Pointer } from './types';
import { paths } from './paths';

export interface Config { snapshotBase: string; apiBase: string; homeZone: string; benchmarkPeer: string; pollSeconds: number }

const defaults: Config = { snapshotBase: 'snapshots/', apiBase: 'api/', homeZone: 'lc-etdz', benchmarkPeer: 'zoucheng-edz', pollSeconds: 60 };

/** config.json beside index.html (a deployment rewrites it), then ?snapshots= / ?api= from the address. */
export async function loadConfig(params: URLSearchParams): Promise<Config> {
  let file: Partial<Config> = {};
  try {
    const r = await fetch('config.json', { cache: 'no-cache' });
    if (r.ok) file = await r.json();
  } catch { /* no config.json: the defaults serve fz serve's layout */ }
  const c = { ...defaults, ...file };
  if (params.get('snapshots')) c.snapshotBase = params.get('snapshots')!;
  if (params.get('api')) c.apiBase = params.get('api')!;
  if (!c.snapshotBase.endsWith('/')) c.snapshotBase += '/';
  if (!c.apiBase.endsWith('/')) c.apiBase += '/';
  return c;
}

export class NotFound extends Error {}

/**
 * FNV-1a (32-bit) of the path's UTF-8 bytes, mod the number of shards: which index shard lists a path
 * (SnapshotLayout.ShardOf on the server; docs/snapshots.md).
 */
export function shardOf(path: string, shards: number): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(path)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h % shards;
}

/**
 * The published snapshot: latest.json first, then files of that version only. A file is a content-addressed object
 * (objects/…, immutable, cached by the browser for a year and shared by every version with the same bytes), found
 * through the version's index shard for its path (listed in latest.json).
 */
export class Snapshot {
  private cache = new Map<string, Promise<unknown>>();
  private shards = new Map<string, Promise<Record<string, string>>>();
  etag: string | null = null;
  pointer!: Pointer;
  constructor(readonly base: string) {}

  async load(): Promise<Pointer> {
    const r = await fetch(this.base + paths.latest, { cache: 'no-cache' });
    if (r.status === 404) throw new NotFound(paths.latest);
    if (!r.ok) throw new Error(`${paths.latest}: HTTP ${r.status}`);
    this.etag = r.headers.get('ETag');
    this.pointer = await r.json();
    this.cache.clear();
    return this.pointer;
  }

  /** True when latest.json moved (polled with If-None-Match: a 304 costs no body). */
  async changed(): Promise<boolean> {
    const headers: Record<string, string> = {};
    if (this.etag) headers['If-None-Match'] = this.etag;
    const r = await fetch(this.base + paths.latest, { cache: 'no-store', headers });
    if (r.status === 304 || !r.ok) return false;
    const p: Pointer = await r.json();
    this.etag = r.headers.get('ETag');
    return p.version !== this.pointer.version;
  }

  /** A file of the current version; null when it is not in the version (a zone without a page that month). */
  get<T>(path: string): Promise<T | null> {
    let p = this.cache.get(path) as Promise<T | null> | undefined;
    if (!p) {
      p = this.url(path).then(async url => {
        if (url === null) return null;
        const r = await fetch(url);
        if (r.status === 404) return null;
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return (await r.json()) as T;
      });
      this.cache.set(path, p);
    }
    return p;
  }

  /**
   * The URL of a logical path's object, null when the version does not hold it (a zone without a briefing): the one
   * place a snapshot path becomes an address, for reads and links. Inside the version folder for an old version.
   */
  async url(path: string): Promise<string | null> {
    const index = this.pointer.index;
    if (!index || index.length === 0) return this.base + this.pointer.path + path;
    const name = index[shardOf(path, index.length)];
    let shard = this.shards.get(name);
    if (!shard) {
      shard = fetch(this.base + name).then(async r => {
        if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
        return ((await r.json()) as { files: Record<string, string> }).files;
      });
      shard.catch(() => this.shards.delete(name));
      this.shards.set(name, shard);
    }
    const object = (await shard)[path];
    return object ? this.base + object : null;
  }

  /** Month periods, newest last. */
  months(): string[] { return this.pointer.periods.filter(p => /^\d{4}-\d{2}$/.test(p)).sort(); }
  years(): string[] { return this.pointer.periods.filter(p => /^\d{4}$/.test(p)).sort(); }
}
