import type { Pointer } from './types';

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
 * The published snapshot: latest.json first, then files of that version only (write-once, so each is fetched at
 * most once per version and cached by the browser for a year).
 */
export class Snapshot {
  private cache = new Map<string, Promise<unknown>>();
  etag: string | null = null;
  pointer!: Pointer;
  constructor(readonly base: string) {}

  async load(): Promise<Pointer> {
    const r = await fetch(this.base + 'latest.json', { cache: 'no-cache' });
    if (r.status === 404) throw new NotFound('latest.json');
    if (!r.ok) throw new Error(`latest.json: HTTP ${r.status}`);
    this.etag = r.headers.get('ETag');
    this.pointer = await r.json();
    this.cache.clear();
    return this.pointer;
  }

  /** True when latest.json moved (polled with If-None-Match: a 304 costs no body). */
  async changed(): Promise<boolean> {
    const headers: Record<string, string> = {};
    if (this.etag) headers['If-None-Match'] = this.etag;
    const r = await fetch(this.base + 'latest.json', { cache: 'no-store', headers });
    if (r.status === 304 || !r.ok) return false;
    const p: Pointer = await r.json();
    this.etag = r.headers.get('ETag');
    return p.version !== this.pointer.version;
  }

  /** The address of a file of the current version: the one place a snapshot path becomes a URL (reads and links). */
  url(path: string): string { return this.base + this.pointer.path + path; }

  /** A file of the current version; null when it is not in the version (a zone without a page that month). */
  get<T>(path: string): Promise<T | null> {
    let p = this.cache.get(path) as Promise<T | null> | undefined;
    if (!p) {
      p = fetch(this.url(path)).then(async r => {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
        return (await r.json()) as T;
      });
      this.cache.set(path, p);
    }
    return p;
  }

  /**
   * Whether the version holds a file that is not JSON (a briefing): a HEAD, no body. Not every zone has one
   * (only zones ranked in their city, and FunctionsZone__PublishBriefings may turn them off), so a 404 is an answer.
   */
  async exists(path: string): Promise<boolean> {
    try { return (await fetch(this.url(path), { method: 'HEAD' })).ok; } catch { return false; }
  }

  /** Month periods, newest last. */
  months(): string[] { return this.pointer.periods.filter(p => /^\d{4}-\d{2}$/.test(p)).sort(); }
  years(): string[] { return this.pointer.periods.filter(p => /^\d{4}$/.test(p)).sort(); }
}
