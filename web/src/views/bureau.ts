import { ApiError } from '../api';
import type { Context } from '../context';
import { escapeHtml as h } from '../format';
import { t } from '../i18n';

interface Finding { code: string; severity: string; rows?: number[]; column?: string; zone?: string; indicator?: string; period?: string; message: string }
interface Summary {
  importId: string; file: string; status: string; kind?: string; dryRun?: boolean;
  counts: { imported: number; updated: number; unchanged: number; ignored: number }; findings: Finding[]; periods?: string[];
}

/** The statistics office's page: the key once per tab, drop a file, read the dry run, confirm, see past imports, run. */
export function renderBureau(ctx: Context, main: HTMLElement) {
  main.innerHTML = `<h1>${t('bureau')}</h1>
    <section class="panel" aria-labelledby="h-key"><h2 id="h-key">${t('key')}</h2>
      <form id="key-form" class="inline"><label for="key">${t('key')}</label>
        <input id="key" name="key" type="password" autocomplete="off" aria-describedby="key-hint" value="">
        <button type="submit">${t('keySave')}</button><button type="button" id="key-forget">${t('keyForget')}</button>
        <span id="key-state" role="status"></span></form>
      <p id="key-hint" class="sub">${t('keyHint')}</p></section>
    <section class="panel" aria-labelledby="h-upload"><h2 id="h-upload">${t('dropHere')}</h2>
      <div id="drop" class="drop">
        <p id="drop-hint">${t('dropHere')}</p>
        <label class="file-label">${t('chooseFile')} <input id="file" type="file" accept=".csv,.tsv,.xlsx,.json,.txt"></label></div>
      <div id="summary" aria-live="polite"></div></section>
    <section class="panel" aria-labelledby="h-run"><h2 id="h-run">${t('runPipeline')}</h2>
      <button type="button" id="run">${t('runPipeline')}</button><div id="run-result" aria-live="polite"></div></section>
    <section class="panel" aria-labelledby="h-imports"><h2 id="h-imports">${t('pastImports')}</h2><div id="imports"></div></section>`;

  const keyState = main.querySelector<HTMLElement>('#key-state')!;
  const showKey = () => { keyState.textContent = ctx.api.hasKey() ? t('keySaved') : ctx.api.keyAllowed ? t('needKey') : t('keyForeignApi'); };
  showKey();
  main.querySelector<HTMLFormElement>('#key-form')!.addEventListener('submit', e => {
    e.preventDefault();
    const input = main.querySelector<HTMLInputElement>('#key')!;
    ctx.api.setKey(input.value.trim() || null); input.value = ''; showKey();
    void loadImports();
  });
  main.querySelector('#key-forget')!.addEventListener('click', () => { ctx.api.setKey(null); showKey(); });

  const drop = main.querySelector<HTMLElement>('#drop')!;
  const fileInput = main.querySelector<HTMLInputElement>('#file')!;
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); const f = e.dataTransfer?.files[0]; if (f) void check(f); });
  fileInput.addEventListener('change', () => { const f = fileInput.files?.[0]; if (f) void check(f); });

  const summaryEl = main.querySelector<HTMLElement>('#summary')!;
  async function check(file: File) {
    if (!ctx.api.hasKey()) { summaryEl.innerHTML = `<p class="error" role="alert">${t('needKey')}</p>`; return; }
    summaryEl.textContent = t('checking', { file: file.name });
    try {
      const r = await ctx.api.post<Summary>('ingest', { file: file.name, dryRun: true }, file, [422]);
      summaryEl.innerHTML = summaryHtml(r.body);
      const ok = r.body.status !== 'ERROR';
      if (!ok) return;
      const btn = document.createElement('button');
      btn.type = 'button'; btn.id = 'confirm'; btn.textContent = t('confirm');
      btn.addEventListener('click', () => void importFile(file, btn));
      summaryEl.append(btn);
    } catch (e) { summaryEl.innerHTML = errorHtml(e); }
  }

  async function importFile(file: File, btn: HTMLButtonElement) {
    btn.disabled = true;
    const status = document.createElement('p'); status.id = 'import-status'; status.setAttribute('role', 'status');
    status.textContent = t('importing'); summaryEl.append(status);
    try {
      const r = await ctx.api.post<Summary>('ingest', { file: file.name }, file, [422]);
      if (r.body.status === 'ERROR') { summaryEl.innerHTML = summaryHtml(r.body); return; }
      for (const p of r.body.periods ?? []) await ctx.api.post('recompute', { period: p });
      const pub = await ctx.api.post<{ published: boolean; snapshot?: { version: string }; version?: string }>('publish');
      const version = pub.body.snapshot?.version ?? pub.body.version ?? '';
      status.textContent = pub.body.published ? t('importedDone', { version }) : t('importedNoChange');
      await loadImports();
    } catch (e) { status.innerHTML = errorHtml(e); }
  }

  const runOut = main.querySelector<HTMLElement>('#run-result')!;
  main.querySelector<HTMLButtonElement>('#run')!.addEventListener('click', async e => {
    const b = e.currentTarget as HTMLButtonElement;
    if (!ctx.api.hasKey()) { runOut.innerHTML = `<p class="error" role="alert">${t('needKey')}</p>`; return; }
    b.disabled = true; runOut.textContent = t('running');
    try {
      const r = await ctx.api.post<{ imports: unknown[]; snapshot?: { version: string } }>('run');
      runOut.textContent = t('runDone', { n: r.body.imports.length, version: r.body.snapshot?.version ?? '—' });
      await loadImports();
    } catch (err) { runOut.innerHTML = errorHtml(err); } finally { b.disabled = false; }
  });

  const importsEl = main.querySelector<HTMLElement>('#imports')!;
  async function loadImports() {
    // Import summaries quote the files, so they need the key: ask for it rather than be refused.
    if (!ctx.api.hasKey()) { importsEl.innerHTML = `<p>${t('keyNeeded')}</p>`; return; }
    try {
      const r = await ctx.api.get<{ items: Summary[] }>('imports', { pageSize: 20 });
      importsEl.innerHTML = `<table class="data" id="imports-table"><caption class="sr">${t('pastImports')}</caption><thead><tr>
        <th scope="col">${t('started')}</th><th scope="col">${t('file')}</th><th scope="col">${t('kind')}</th><th scope="col">${t('status')}</th>
        <th scope="col">${t('imported')}</th><th scope="col">${t('updated')}</th><th scope="col">${t('unchanged')}</th><th scope="col">${t('ignored')}</th></tr></thead>
        <tbody>${r.items.map((i: any) => `<tr data-import="${h(i.importId)}"><td>${h((i.startedAt ?? '').replace('T', ' ').slice(0, 19))}</td><td>${h(i.file)}</td><td>${h(i.kind ?? '')}</td>
          <td><span class="badge ${h(i.status)}">${h(i.status)}</span></td><td class="num">${i.imported ?? 0}</td><td class="num">${i.updated ?? 0}</td><td class="num">${i.unchanged ?? 0}</td><td class="num">${i.ignored ?? 0}</td></tr>`).join('')}</tbody></table>`;
    } catch (e) { importsEl.innerHTML = errorHtml(e); }
  }
  void loadImports();
}

function summaryHtml(s: Summary): string {
  const groups = new Map<string, Finding[]>();
  for (const f of s.findings) groups.set(f.code, [...(groups.get(f.code) ?? []), f]);
  return `<div id="dryrun" data-status="${h(s.status)}"><h3>${s.dryRun ? t('dryRun') : t('findings')}: <span class="badge ${h(s.status)}">${h(s.status)}</span> · ${h(s.file)}</h3>
    <p>${t('counts')}: ${t('imported')} <b data-count="imported">${s.counts.imported}</b> · ${t('updated')} <b data-count="updated">${s.counts.updated}</b> ·
      ${t('unchanged')} <b data-count="unchanged">${s.counts.unchanged}</b> · ${t('ignored')} <b data-count="ignored">${s.counts.ignored}</b></p>
    ${s.status === 'ERROR' ? `<p class="error" role="alert">${t('cannotImport')}</p>` : ''}
    ${groups.size === 0 ? `<p>${t('noFindings')}</p>` : [...groups].map(([code, fs]) => `<details open class="finding-group" data-code="${h(code)}"><summary><code>${h(code)}</code> (${fs.length}) <span class="badge ${h(fs[0].severity)}">${h(fs[0].severity)}</span></summary>
      <table class="data compact"><thead><tr><th scope="col">${t('rows')}</th><th scope="col">${t('column')}</th><th scope="col">${t('message')}</th></tr></thead>
      <tbody>${fs.map(f => `<tr><td class="num">${h((f.rows ?? []).join(', '))}</td><td>${h(f.column ?? '')}</td><td>${h(f.message)}</td></tr>`).join('')}</tbody></table></details>`).join('')}</div>`;
}

function errorHtml(e: unknown): string {
  const msg = e instanceof ApiError ? `${e.status}: ${e.message}` : e instanceof Error ? e.message : String(e);
  return `<p class="error" role="alert">${t('error')}: ${h(msg)}</p>`;
}
