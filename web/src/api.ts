// The live HTTP API (docs/api.md): what-if, ingest, imports, run. Reads are anonymous; writes need the function key.
const KEY = 'fz.functionKey';

export function getKey(): string | null { return sessionStorage.getItem(KEY); }
export function setKey(k: string | null) { if (k) sessionStorage.setItem(KEY, k); else sessionStorage.removeItem(KEY); }

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: any) { super(body?.detail ?? `HTTP ${status}`); }
}

export class Api {
  constructor(readonly base: string) {}

  async get<T>(path: string, query: Record<string, string | number> = {}): Promise<T> {
    // Live answers carry max-age=60: revalidate (a 304 when unchanged) so a new import shows at once.
    // Some reads need the key too (ReadAuthorization=function; the import history always): send it when there is one.
    const key = getKey();
    const r = await fetch(this.url(path, query), { cache: 'no-cache', headers: key ? { 'x-functions-key': key } : {} });
    return this.body<T>(r);
  }

  async post<T>(path: string, query: Record<string, string | number | boolean> = {}, body?: Blob, accept: number[] = []): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    const key = getKey();
    if (key) headers['x-functions-key'] = key;
    if (body) headers['Content-Type'] = body.type || 'application/octet-stream';
    const r = await fetch(this.url(path, query), { method: 'POST', headers, body });
    if (accept.includes(r.status)) return { status: r.status, body: await r.json() };
    return { status: r.status, body: await this.body<T>(r) };
  }

  private url(path: string, query: Record<string, string | number | boolean>): string {
    const q = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const s = q.toString();
    return this.base + path + (s ? '?' + s : '');
  }

  private async body<T>(r: Response): Promise<T> {
    const text = await r.text();
    const json = text ? JSON.parse(text) : null;
    if (!r.ok) throw new ApiError(r.status, json);
    return json as T;
  }
}
