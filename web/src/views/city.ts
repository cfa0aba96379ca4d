import { findGroup, link, type Context } from '../context';
import { escapeHtml as h, unitLabel, unitText } from '../format';
import { pick, t } from '../i18n';
import type { Ranking } from '../types';
import { indicatorName } from './zone';
import { paths } from '../paths';

export interface CityData { period: string; group: string; rankings: Ranking[] }

/** The city's units × indicators: the level rankings of the home zone's first group, from rankings.json. */
export async function loadCity(ctx: Context): Promise<CityData> {
  const months = ctx.snapshot.months();
  const asked = ctx.params.get('period');
  const period = asked && months.includes(asked) ? asked : months[months.length - 1];
  const home = ctx.zones.find(z => z.id === ctx.config.homeZone);
  const group = findGroup(ctx, ctx.params.get('group') ?? '')?.id ?? home?.groups[0] ?? ctx.groups[0].id;
  const doc = await ctx.snapshot.get<{ rankings: Ranking[] }>(paths.rankings(period));
  const rankings = (doc?.rankings ?? []).filter(r => r.group === group && r.measure === 'level' && r.entries.filter(e => e.rank !== undefined).length > 1);
  return { period, group, rankings };
}

/** Rows in the order of one ranking's entries (rank order, as /api/rankings gives them); reversed on a second click. */
function order(d: CityData, sortKey: string, descending: boolean): string[] {
  const r = d.rankings.find(x => x.indicator === sortKey) ?? d.rankings[0];
  const ranked = r.entries.filter(e => e.rank !== undefined).map(e => e.zone);
  const rest = [...new Set(d.rankings.flatMap(x => x.entries.map(e => e.zone)))].filter(z => !ranked.includes(z));
  return descending ? [...ranked.reverse(), ...rest] : [...ranked, ...rest];
}

// Chinese and unscaled English figures sit under their unit's heading (9.39 under 亿元); a figure English scales says
// its scale in the cell (939 million yuan, US$24.74 million).
function cell(v: number | undefined, unit: string): string {
  if (v === undefined) return '—';
  const u = unitText(v, unit);
  return `${u.prefix}${u.suffix}`.trim() !== unitLabel(unit) ? `${u.prefix}${u.figure}${u.suffix}` : u.figure;
}

export function renderCity(ctx: Context, main: HTMLElement, d: CityData) {
  const groupName = pick(ctx.groups.find(g => g.id === d.group)?.nameZh, ctx.groups.find(g => g.id === d.group)?.nameEn);
  let sortKey = ctx.params.get('sort') ?? d.rankings[0]?.indicator ?? '';
  let reversed = false;
  main.innerHTML = `<h1>${t('city')} · ${h(groupName)} <span class="period-label">${h(d.period)}</span></h1>
    <p class="sub no-print">${t('cityHint')}</p><div class="table-wrap" id="city-wrap"></div>`;
  const wrap = main.querySelector<HTMLElement>('#city-wrap')!;
  const draw = () => {
    const rows = order(d, sortKey, reversed);
    const names = new Map(d.rankings.flatMap(r => r.entries.map(e => [e.zone, pick(e.name, e.nameEn)] as const)));
    wrap.innerHTML = `<table class="data heat" id="city-table"><caption class="sr">${t('city')} ${h(groupName)} ${h(d.period)}</caption>
      <thead><tr><th scope="col">${t('unit')}</th>${d.rankings.map(r => {
        const active = r.indicator === sortKey;
        return `<th scope="col" aria-sort="${active ? (reversed ? 'descending' : 'ascending') : 'none'}" data-indicator="${h(r.indicator)}">
          <button type="button" class="sort" data-sort="${h(r.indicator)}" title="${h(t('sortBy', { name: indicatorName(ctx, r.indicator, r.indicatorName) }))}">${h(indicatorName(ctx, r.indicator, r.indicatorName))}<span class="u">${h(unitLabel(r.unit))}</span>${active ? (reversed ? ' ▼' : ' ▲') : ''}</button></th>`;
      }).join('')}</tr></thead>
      <tbody>${rows.map(z => `<tr data-zone="${h(z)}"${z === ctx.config.homeZone ? ' class="home"' : ''}><th scope="row"><a href="${link(ctx, { zone: z })}">${h(names.get(z) ?? z)}</a></th>${d.rankings.map(r => {
        const e = r.entries.find(x => x.zone === z);
        if (!e || e.rank === undefined) return `<td class="num na">—</td>`;
        const heat = e.of && e.of > 1 ? (e.rank - 1) / (e.of - 1) : 0;
        return `<td class="num" style="--heat:${heat.toFixed(3)}" data-rank="${e.rank}"><span class="v">${h(cell(e.value, r.unit))}</span> <span class="r">${e.rank}/${e.of}</span></td>`;
      }).join('')}</tr>`).join('')}</tbody></table>`;
    wrap.querySelectorAll<HTMLButtonElement>('button.sort').forEach(b => b.addEventListener('click', () => {
      if (b.dataset.sort === sortKey) reversed = !reversed; else { sortKey = b.dataset.sort!; reversed = false; }
      draw();
      wrap.querySelector<HTMLButtonElement>(`button.sort[data-sort="${sortKey}"]`)?.focus();
    }));
  };
  if (d.rankings.length) draw(); else wrap.textContent = t('noData');
}
