// The live HTTP API (docs/api.md): what-if, ingest, imports, run. Published reads are anonymous; import summaries,
// history and writes need the function key, so it goes with every call once the bureau has entered it.
// The key lives in this object's private field only: never in sessionStorage/localStorage, where any script on the
// page could read it (issue 31); reloading or leaving the page forgets it.
const OLD_KEY = 'fz.functionKey';

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: any) { super(body?.detail ?? `HTTP ${status}`); }
}

export class Api {
  #key: string | null = null;

  /** keyAllowed: false when the address chose the API (?api=): a link must not send the bureau's key elsewhere. */
  constructor(readonly base: string, readonly keyAllowed = true) {
    // A key an earlier portal kept in this tab's sessionStorage is removed, not used.
    sessionStorage.removeItem(OLD_KEY);
  }

  setKey(k: string | null) { this.#key = this.keyAllowed && k ? k : null; }
  hasKey(): boolean { return this.#key !== null; }

  async get<T>(path: string, query: Record<string, string | number> = {}): Promise<T> {
    // Live answers carry max-age=60: revalidate (a 304 when unchanged) so a new import shows at once.
    const key = this.#key;
    const r = await fetch(this.url(path, query), { cache: 'no-cache', headers: key ? { 'x-functions-key': key } : {} });
    return this.body<T>(r);
  }

  async post<T>(path: string, query: Record<string, string | number | boolean> = {}, body?: Blob, accept: number[] = []): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    const key = this.#key;
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
