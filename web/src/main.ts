import './style.css';
import { Api } from './api';
import { disposeAll } from './charts';
import { link, type Context } from './context';
import { escapeHtml as h } from './format';
import { setLang, t, getLang } from './i18n';
import { loadConfig, NotFound, Snapshot } from './snapshot';
import type { Group, Indicator, Zone } from './types';
import { startBigScreen } from './views/big';
import { renderBureau } from './views/bureau';
import { loadCity, renderCity } from './views/city';
import { loadZone, renderZone } from './views/zone';
import { paths } from './paths';

async function start() {
  const params = new URLSearchParams(location.search);
  setLang(params.get('lang') === 'en' ? 'en' : 'zh');
  const big = params.get('screen') === 'big';
  document.body.classList.toggle('big', big);
  const main = document.getElementById('main')!;
  const config = await loadConfig(params);
  const snapshot = new Snapshot(config.snapshotBase);
  const api = new Api(config.apiBase, !params.has('api'));
  const view = params.get('view') ?? 'zone';
  header(params, view);
  try {
    await snapshot.load();
    const [zones, groups, indicators] = await Promise.all([
      snapshot.get<Zone[]>(paths.zones), snapshot.get<Group[]>(paths.groups), snapshot.get<Indicator[]>(paths.indicators),
    ]);
    const ctx: Context = { config, snapshot, api, params, zones: zones ?? [], groups: groups ?? [], indicators: new Map((indicators ?? []).map(i => [i.code, i])) };
    header(params, view, ctx);
    const draw = async () => {
      if (view === 'city') renderCity(ctx, main, await loadCity(ctx));
      else if (view === 'bureau') renderBureau(ctx, main);
      else renderZone(ctx, main, await loadZone(ctx));
      footer(ctx);
      document.body.dataset.version = snapshot.pointer.version;
      document.body.dataset.readyAt = performance.now().toFixed(1);  // read by the portal benchmark
      document.body.dataset.ready = 'true';
    };
    await draw();
    if (big) startBigScreen(ctx, main, async () => { disposeAll(); await draw(); });
  } catch (e) {
    const msg = e instanceof NotFound ? t('noSnapshot') : e instanceof Error ? e.message : String(e);
    main.innerHTML = `<p class="error" role="alert">${h(msg)}</p>`;
    document.body.dataset.ready = 'error';
  }
}

function header(params: URLSearchParams, view: string, ctx?: Context) {
  const top = document.getElementById('top')!;
  const l = (p: Record<string, string>) => ctx ? link(ctx, p) : '?' + new URLSearchParams(p).toString();
  const other = new URLSearchParams(params); if (getLang() === 'en') other.delete('lang'); else other.set('lang', 'en');
  const zone = params.get('zone');
  const nav: [string, string, string][] = [
    ['zone', t('navZone'), l(zone ? { zone } : {})], ['city', t('navCity'), l({ view: 'city' })], ['bureau', t('navBureau'), l({ view: 'bureau' })],
  ];
  top.innerHTML = `<p class="brand">${t('title')}</p>
    <nav aria-label="${t('title')}" class="no-print"><ul>${nav.map(([v, label, href]) => `<li><a href="${href}"${v === view ? ' aria-current="page"' : ''}>${label}</a></li>`).join('')}
      <li><a href="${l({ ...(zone ? { zone } : {}), screen: 'big' })}">${t('navBig')}</a></li></ul></nav>
    <a class="lang no-print" id="lang-toggle" href="?${other.toString()}" lang="${getLang() === 'en' ? 'zh-CN' : 'en'}" title="${t('langToggleLabel')}">${t('langToggle')}</a>`;
  document.querySelector<HTMLAnchorElement>('a.skip')!.textContent = t('skip');
  document.title = t('title') + ' · FunctionsZone';
}

function footer(ctx: Context) {
  const foot = document.getElementById('foot')!;
  const p = ctx.snapshot.pointer;
  foot.innerHTML = `<p>${t('source')} · ${t('snapshot')} <code>${h(p.version)}</code> · ${h(t('updatedAt', { time: p.createdAt.replace('T', ' ').slice(0, 16) + ' UTC' }))}</p>`;
}

void start();
