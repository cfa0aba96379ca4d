import { chart, statusColour, dark, textPx, lineHeight, textWidth, widthOf } from '../charts';
import { findZone, link, type Context } from '../context';
import { escapeHtml as h, gradeText, moveArrow, moveText, num, points, ratioText, signed, statusText, unitLabel, unitText, withUnit } from '../format';
import { getLang, pick, t, type Key } from '../i18n';
import type { Composite, OfficialRank, PageRanking, Target, WeakPoint, Zone, ZonePage } from '../types';
import { paths } from '../paths';

export interface ZoneData {
  zone: Zone; period: string; page: ZonePage; official: OfficialRank[]; composites: Composite[];
  perMu: { indicator: string; zone?: number; peer?: number }[]; peer?: Zone; perMuYear?: string;
  /** Address of the month's 经济运行简报 (Word) published beside the zone page, when this version holds one. */
  briefing?: string;
}

/** Everything the zone view shows, from the snapshot: the zone page, official ranks, composite, 亩均 of zone and peer. */
export async function loadZone(ctx: Context): Promise<ZoneData> {
  const key = ctx.params.get('zone') ?? ctx.config.homeZone;
  const zone = findZone(ctx, key);
  if (!zone) throw new Error(t('unknownZone', { zone: key }));
  const months = ctx.snapshot.months();
  const asked = ctx.params.get('period');
  const period = asked && ctx.snapshot.pointer.periods.includes(asked) ? asked : months[months.length - 1];
  const year = ctx.snapshot.years().filter(y => y <= period.slice(0, 4)).pop();
  const peer = findZone(ctx, ctx.config.benchmarkPeer);
  const briefing = paths.briefingDocx(period, zone.id);
  const [page, official, composite, yearPage, peerPage, briefingUrl] = await Promise.all([
    ctx.snapshot.get<ZonePage>(paths.zonePage(period, zone.id)),
    ctx.snapshot.get<OfficialRank[]>(paths.officialRanks),
    ctx.snapshot.get<{ composites: Composite[] }>(paths.composite(period)),
    year ? ctx.snapshot.get<ZonePage>(paths.zonePage(year, zone.id)) : null,
    year && peer && peer.id !== zone.id ? ctx.snapshot.get<ZonePage>(paths.zonePage(year, peer.id)) : null,
    ctx.snapshot.url(briefing),
  ]);
  const valueOf = (p: ZonePage | null, code: string) => p?.observations.find(o => o.indicator === code)?.value;
  const perMu = ['tax_per_mu', 'investment_per_mu'].map(code => ({ indicator: code, zone: valueOf(yearPage, code), peer: valueOf(peerPage, code) }))
    .filter(x => x.zone !== undefined);
  return {
    zone, period, page: page ?? { period, zone: zone.id, nameZh: zone.nameZh, nameEn: zone.nameEn, observations: [], rankings: [], targets: [] },
    official: (official ?? []).filter(o => o.zone === zone.id),
    composites: (composite?.composites ?? []).filter(c => c.zones.some(z => z.zone === zone.id)),
    perMu, peer: peerPage ? peer : undefined, perMuYear: year,
    briefing: briefingUrl ?? undefined,
  };
}

export function indicatorName(ctx: Context, code: string, zh?: string): string {
  const i = ctx.indicators.get(code);
  return pick(i?.nameZh ?? zh ?? code, i?.nameEn);
}

/** The zone's own group of peers for the headline (its city), the first group it belongs to. */
function homeGroup(d: ZoneData): string | undefined { return d.zone.groups[0]; }

export function headlineRankings(d: ZoneData): PageRanking[] {
  const group = homeGroup(d);
  const order = d.composites[0]?.indicators.map(i => i.indicator) ?? [];
  const pos = (code: string) => { const i = order.indexOf(code); return i < 0 ? 999 : i; };
  return d.page.rankings
    .filter(r => r.group === group && r.measure === 'level' && (r.entry.of ?? 0) > 1 && r.entry.value !== undefined)
    .sort((a, b) => pos(a.indicator) - pos(b.indicator) || a.indicator.localeCompare(b.indicator));
}

export function renderZone(ctx: Context, main: HTMLElement, d: ZoneData) {
  const name = pick(d.zone.nameZh, d.zone.nameEn);
  const periodOptions = ctx.snapshot.months().slice().reverse()
    .map(p => `<option value="${h(p)}"${p === d.period ? ' selected' : ''}>${h(p)}</option>`).join('');
  main.innerHTML = `
    <div class="title-row">
      <h1 id="zone-name">${h(name)} <span class="period-label">${h(d.period)}</span></h1>
      <div class="tools no-print">
        <label>${t('period')} <select id="period">${periodOptions}</select></label>
        <button type="button" id="print">${t('print')}</button>
        ${d.briefing ? `<a id="briefing" class="button" href="${h(d.briefing)}" type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          download="${h(t('briefingFile', { zone: name, period: d.period }))}">${t('briefingDocx')}</a>` : ''}
      </div>
    </div>
    <section aria-labelledby="h-headline" class="panel" data-panel="headline">
      <h2 id="h-headline">${t('headline')}</h2>
      <div class="cards">${headlineRankings(d).map(r => card(ctx, d, r)).join('') || `<p>${t('noData')}</p>`}</div>
    </section>
    <div class="grid2">
      <section aria-labelledby="h-official" class="panel" data-panel="official">
        <h2 id="h-official">${t('officialRanks')}</h2>
        <div class="chart" id="chart-official" role="img" aria-describedby="tbl-official"></div>
        ${officialTable(d)}
      </section>
      <section aria-labelledby="h-permu" class="panel" data-panel="permu">
        <h2 id="h-permu">${t('perMu')}</h2>
        <div class="chart short" id="chart-permu" role="img" aria-describedby="tbl-permu"></div>
        ${perMuTable(ctx, d)}
      </section>
    </div>
    <section aria-labelledby="h-targets" class="panel" data-panel="targets">
      <h2 id="h-targets">${t('targets')} <span class="sub" id="time-progress">${t('asOf')} ${h(d.period)} · ${t('timeProgress')} ${num(d.page.targets[0]?.timeProgress ?? Number(d.period.slice(5)) / 12 * 100, 1)}%</span></h2>
      <div class="chart tall" id="chart-targets" role="img" aria-describedby="tbl-targets"></div>
      ${targetsTable(ctx, d.page.targets)}
    </section>
    <div class="grid2">
      <section aria-labelledby="h-composite" class="panel" data-panel="composite">
        <h2 id="h-composite">${t('composite')}</h2>
        <div class="chart short" id="chart-composite" role="img" aria-describedby="tbl-composite"></div>
        ${compositeTable(d)}
      </section>
      <section aria-labelledby="h-weak" class="panel" data-panel="weak">
        <h2 id="h-weak">${t('weakPoints')}</h2>
        ${weakPoints(ctx, d)}
      </section>
    </div>
    <section aria-labelledby="h-whatif" class="panel no-print" data-panel="whatif">
      <h2 id="h-whatif">${t('whatIf')}</h2>
      ${whatIfForm(ctx, d)}
      <div id="whatif-result" aria-live="polite"></div>
    </section>`;

  main.querySelector<HTMLSelectElement>('#period')!.addEventListener('change', e => {
    location.search = link(ctx, { zone: d.zone.id, period: (e.target as HTMLSelectElement).value });
  });
  main.querySelector('#print')!.addEventListener('click', () => print());
  drawOfficial(main.querySelector('#chart-official')!, d);
  drawPerMu(ctx, main.querySelector('#chart-permu')!, d);
  drawTargets(ctx, main.querySelector('#chart-targets')!, d.page.targets);
  drawComposite(main.querySelector('#chart-composite')!, d);
  wireWhatIf(ctx, main, d);
}

function card(ctx: Context, d: ZoneData, r: PageRanking): string {
  const e = r.entry;
  const growth = d.page.rankings.find(g => g.indicator === r.indicator && g.group === r.group && g.measure === 'growth');
  const ref = ctx.groups.find(g => g.id === r.group)?.reference;
  const refZone = ctx.zones.find(z => z.id === ref);
  const refName = refZone ? pick(refZone.nameZh, refZone.nameEn) : pick(r.groupName, ctx.groups.find(g => g.id === r.group)?.nameEn);
  const move = e.moveFromPrevious;
  const moveHtml = move === undefined ? '' :
    `<span class="move ${move > 0 ? 'up' : move < 0 ? 'down' : 'same'}" title="${h(moveText(move))}"><span aria-hidden="true">${moveArrow(move)}</span><span class="sr">${h(moveText(move))}</span></span>`;
  const gapHtml = e.differencePoints === undefined ? '' :
    `<p class="gap">${h(t('gapToCity', { ref: refName }))} <strong class="${e.differencePoints >= 0 ? 'pos' : 'neg'}">${h(points(e.differencePoints))}</strong></p>`;
  const g = growth?.entry;
  // No growth on a zero or negative base: say why (由负转正, 扭亏) rather than leave it blank.
  const growthHtml = g?.value === undefined ? (g?.notRankedReasonZh ? `<p class="growth">${t('growth')} ${h(pick(g.notRankedReasonZh, g.notRankedReasonEn))}</p>` : '') :
    `<p class="growth">${t('growth')} ${h(signed(g.value, 1))}%${g.basis === 'computed' ? ` <abbr class="computed" title="${h(t('computedNote'))}">${t('computed')}</abbr>` : ''}${g.rank ? ` · ${t('rankOrdinal', { rank: g.rank })}` : ''}</p>`;
  const illustrative = e.source === 'illustrative' ? `<p class="illustrative">${t('illustrative')}</p>` : '';
  return `<article class="card" data-indicator="${h(r.indicator)}" aria-labelledby="card-${h(r.indicator)}">
    <h3 id="card-${h(r.indicator)}">${h(indicatorName(ctx, r.indicator, r.indicatorName))}</h3>
    <p class="value">${figure(e.value, r.unit)}</p>
    <p class="rank"><span class="ord">${t('rankOrdinal', { rank: e.rank ?? '—' })}</span> <span class="of">${e.rank ?? '—'}/${e.of ?? '—'}</span> ${moveHtml}</p>
    ${gapHtml}${growthHtml}${illustrative}
  </article>`;
}

/** A card's figure and unit apart, in the reader's language: 9.39 | 亿元, or 939 | million yuan, US$24.74 | million. */
function figure(v: number | undefined, unit: string): string {
  if (v === undefined || v === null) return `<span class="figure">—</span><span class="unit">${h(unitLabel(unit))}</span>`;
  const u = unitText(v, unit);
  return `<span class="figure">${h(u.prefix + u.figure)}</span><span class="unit">${h(u.suffix.trim())}</span>`;
}

const evaluations = ['national', 'provincial', 'city'] as const;

function officialTable(d: ZoneData): string {
  if (!d.official.length) return `<p>${t('noData')}</p>`;
  const rows = evaluations.flatMap(ev => d.official.filter(o => o.evaluation === ev).sort((a, b) => a.year - b.year).map(o =>
    `<tr data-evaluation="${ev}" data-year="${o.year}"><th scope="row">${t(`evaluation.${ev}` as Key)}</th><td>${o.year}</td><td class="num">${o.rank}/${o.of}</td><td class="num">${o.move !== undefined ? moveArrow(o.move) : o.notComparableZh ? `<span title="${h(pick(o.notComparableZh, o.notComparableEn))}">${t('notComparable')}</span>` : '—'}</td><td>${h(gradeText(o.grade))}</td></tr>`));
  return `<table id="tbl-official" class="data compact"><caption class="sr">${t('officialRanks')}</caption>
    <thead><tr><th scope="col">${t('officialRanks')}</th><th scope="col">${t('year')}</th><th scope="col">${t('rank')}/${t('fieldSize')}</th><th scope="col">${t('move')}</th><th scope="col">${t('grade')}</th></tr></thead>
    <tbody>${rows.join('')}</tbody></table>`;
}

function drawOfficial(el: HTMLElement, d: ZoneData) {
  if (!d.official.length) { el.remove(); return; }
  const years = [...new Set(d.official.map(o => o.year))].sort();
  const px = textPx(), lh = lineHeight(px);
  // Of a year's points the best rank is labelled above, the worst to its right, one between to its left: on the log
  // axis 116/217 (国评) and 143/160 (省评) lie a few pixels apart, and labels both above (or below) would overlap.
  const place = (o: OfficialRank) => {
    const ranks = d.official.filter(x => x.year === o.year).map(x => x.rank).sort((a, b) => a - b);
    return o.rank === ranks[0] ? 'top' : o.rank === ranks[ranks.length - 1] ? 'right' : 'left';
  };
  chart(el, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: px * 4, right: px * 2, top: lh * 2 + 12, bottom: lh + 12 },
    xAxis: { type: 'category', data: years.map(String) },
    // Ranks of fields from 11 to 217 on one axis: log scale, 1 at the top, ending at the largest field.
    yAxis: { type: 'log', inverse: true, min: 1, max: Math.max(...d.official.map(o => o.of)), name: t('rank'), nameLocation: 'start' },
    series: evaluations.filter(ev => d.official.some(o => o.evaluation === ev)).map(ev => ({
      type: 'line', name: t(`evaluation.${ev}` as Key), symbolSize: 8,
      data: years.map(y => { const o = d.official.find(x => x.evaluation === ev && x.year === y);
        return o ? { value: o.rank, of: o.of, label: { position: place(o) } } : null; }),
      label: { show: true, formatter: (p: any) => `${p.data.value}/${p.data.of}` },
      labelLayout: { moveOverlap: 'shiftY' },
    })),
  });
}

function perMuTable(ctx: Context, d: ZoneData): string {
  if (!d.perMu.length) return `<p>${t('noData')}</p>`;
  const peerName = d.peer ? pick(d.peer.nameZh, d.peer.nameEn) : t('peer');
  return `<table id="tbl-permu" class="data compact"><caption class="sr">${t('perMu')} ${h(d.perMuYear ?? '')}</caption>
    <thead><tr><th scope="col">${t('indicator')} (${h(d.perMuYear ?? '')})</th><th scope="col">${t('zone')}</th><th scope="col">${t('peer')}: ${h(peerName)}</th><th scope="col">${t('ratio')}</th></tr></thead>
    <tbody>${d.perMu.map(p => `<tr data-indicator="${p.indicator}"><th scope="row">${h(indicatorName(ctx, p.indicator))}</th>
      <td class="num">${h(withUnit(p.zone, ctx.indicators.get(p.indicator)?.unit))}</td><td class="num">${h(withUnit(p.peer, ctx.indicators.get(p.indicator)?.unit))}</td>
      <td class="num ratio">${p.zone !== undefined && p.peer ? h(ratioText(p.zone / p.peer)) : '—'}</td></tr>`).join('')}</tbody></table>`;
}

function drawPerMu(ctx: Context, el: HTMLElement, d: ZoneData) {
  if (!d.perMu.length) { el.remove(); return; }
  const px = textPx(), lh = lineHeight(px);
  const labelWidth = px * (getLang() === 'en' ? 11 : 6);
  // One legend line per unit: two long names side by side (聊城经济技术开发区 and the peer's) would be cut.
  el.style.height = `${2 * (lh + 10) + 8 + d.perMu.length * (2 * lh + 40) + 2 * lh + 14}px`;
  chart(el, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 0, orient: 'vertical', tooltip: { show: true }, textStyle: { width: widthOf(el) - 40, overflow: 'truncate' } },
    grid: { left: labelWidth + 14, right: px * 4, top: 2 * (lh + 10) + 8, bottom: 2 * lh + 14 },
    yAxis: { type: 'category', data: d.perMu.map(p => indicatorName(ctx, p.indicator)), axisLabel: { width: labelWidth, overflow: 'break', lineHeight: lh } },
    xAxis: { type: 'value', name: unitLabel('万元/亩'), nameLocation: 'middle', nameGap: lh + 8 },
    series: [
      { type: 'bar', name: pick(d.zone.nameZh, d.zone.nameEn), data: d.perMu.map(p => p.zone), itemStyle: { color: '#3b6fb6' }, label: { show: true, position: 'right' } },
      { type: 'bar', name: d.peer ? pick(d.peer.nameZh, d.peer.nameEn) : t('peer'), data: d.perMu.map(p => p.peer ?? null), itemStyle: { color: '#868e96' }, label: { show: true, position: 'right' } },
    ],
  });
}

export function targetsTable(ctx: Context, targets: Target[]): string {
  if (!targets.length) return `<p>${t('noData')}</p>`;
  return `<table id="tbl-targets" class="data"><caption class="sr">${t('targets')}</caption>
    <thead><tr><th scope="col">${t('indicator')}</th><th scope="col">${t('target')}</th><th scope="col">${t('actual')}</th><th scope="col">${t('completion')}</th>
    <th scope="col">${t('gap')}</th><th scope="col">${t('status')}</th><th scope="col">${t('projection')}</th><th scope="col">${t('monthlyNeeded')}</th></tr></thead>
    <tbody>${targets.map(x => `<tr data-indicator="${h(x.indicator)}" data-status="${h(x.status)}">
      <th scope="row">${h(pick(x.name, x.nameEn ?? ctx.indicators.get(x.indicator)?.nameEn))}</th>
      <td class="num">${h(withUnit(x.target, x.unit))}</td><td class="num">${h(x.actual == null ? '—' : (x.kind === 'growth' || x.unit === '%' ? withUnit(x.actual, '%') : withUnit(x.actual, x.unit)))}</td>
      <td class="num">${x.completion == null ? '—' : num(x.completion, 1) + '%'}</td>
      <td class="num">${x.gapPoints == null ? '—' : h(points(x.gapPoints))}</td>
      <td><span class="status" style="--c:${statusColour[x.status] ?? '#868e96'}">${h(statusText(x.status))}</span></td>
      <td class="num">${x.projection == null ? '—' : h(withUnit(x.projection, x.unit))}</td>
      <td class="num">${x.monthlyNeeded == null ? '—' : h(withUnit(x.monthlyNeeded, x.unit))}</td></tr>`).join('')}</tbody></table>`;
}

/**
 * Completion against 序时进度, one row per target, worst on top. A row's colour is its status, named in the legend; a
 * target with no figure yet says so (暂无数据) instead of leaving an empty row. Names wrap to two lines in a fixed
 * width and end in … beyond; the tooltip gives the whole name.
 */
export function drawTargets(ctx: Context, el: HTMLElement, all: Target[]) {
  if (!all.length) { el.remove(); return; }
  const behind = (x: Target) => (x.completion == null ? Infinity : x.completion - x.timeProgress);
  // The axis draws its first category at the bottom: the list runs from the no-figure rows up to the worst.
  const targets = [...all].sort((a, b) => behind(b) - behind(a));
  const px = textPx(), lh = lineHeight(px);
  const labelWidth = Math.min(px * (getLang() === 'en' ? 17 : 12), Math.round(widthOf(el) * 0.4));
  const top = lh + 14, bottom = 2 * lh + 34;
  el.style.height = `${targets.length * (2 * lh + 10) + top + bottom}px`;
  const tp = all[0].timeProgress;
  const name = (x: Target) => pick(x.name, x.nameEn ?? ctx.indicators.get(x.indicator)?.nameEn);
  const statuses = [...new Set(targets.filter(x => x.completion != null).map(x => x.status))];
  const axisMax = Math.max(100, Math.ceil(Math.max(...targets.map(x => x.completion ?? 0)) / 10) * 10);
  const plotPx = widthOf(el) - (labelWidth + 14) - px * 5;
  const valueText = (v: number) => `${num(v, 1)}%`;
  // A value label beside its bar that a reference line (序时进度, 100%) would strike through goes inside the bar's end.
  const struck = (v: number) => [tp, 100].some(r => v < r && v + (textWidth(el, valueText(v), px) + 8) / plotPx * axisMax > r);
  const bar = (status: string) => ({
    type: 'bar', name: statusText(status), barWidth: Math.round(px * 1.2), barGap: '-100%', itemStyle: { color: statusColour[status] ?? '#868e96' },
    data: targets.map(x => (x.completion == null || x.status !== status ? null
      : struck(x.completion) ? { value: x.completion, label: { position: 'insideRight', color: '#fff' } } : x.completion)),
    label: { show: true, position: 'right', formatter: (p: any) => valueText(p.value) },
  });
  chart(el, {
    // Lines of text: chart() makes them text nodes (the target's name is what users imported).
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (ps: any) => {
      const x = targets[ps[0].dataIndex];
      return [name(x), x.completion == null ? t('noFigureYet') : `${t('completion')} ${num(x.completion, 1)}% · ${statusText(x.status)}`, `${t('timeProgress')} ${num(tp, 1)}%`];
    } },
    legend: { bottom: 0 },
    grid: { left: labelWidth + 14, right: px * 5, top, bottom },
    yAxis: { type: 'category', data: targets.map(name), axisLabel: { width: labelWidth, overflow: 'break', lineHeight: lh, height: 2 * lh, lineOverflow: 'truncate' } },
    xAxis: { type: 'value', min: 0, max: axisMax, axisLabel: { formatter: '{value}%' } },
    series: [
      ...statuses.map(bar),
      {
        type: 'bar', name: t('noFigureYet'), barGap: '-100%', itemStyle: { color: statusColour['no-data'] },
        data: targets.map(x => (x.completion == null ? 0 : null)),
        label: { show: true, position: 'right', formatter: t('noFigureYet'), color: dark() ? '#ced4da' : '#495057' },
      },
    ].map((s, i) => (i ? s : { ...s, markLine: {
      symbol: 'none', silent: true, lineStyle: { color: dark() ? '#ffd43b' : '#212529', type: 'dashed', width: 2 },
      label: { formatter: `${t('timeProgress')} ${num(tp, 1)}%`, position: 'end' },
      data: [{ xAxis: tp }, { xAxis: 100, lineStyle: { color: '#1a7f37', type: 'solid', width: 1 }, label: { formatter: '100%' } }],
    } })),
  });
}

function schemeName(c: Composite): string { return pick(c.definition?.nameZh ?? c.schemeName, c.definition?.nameEn); }

function compositeTable(d: ZoneData): string {
  if (!d.composites.length) return `<p>${t('noData')}</p>`;
  return `<table id="tbl-composite" class="data compact"><caption class="sr">${t('composite')}</caption>
    <thead><tr><th scope="col">${t('composite')}</th><th scope="col">${t('score')}</th><th scope="col">${t('compositeRank')}</th><th scope="col">P5–P95</th><th scope="col">${t('officialRank')}</th></tr></thead>
    <tbody>${d.composites.map(c => { const z = c.zones.find(x => x.zone === d.zone.id)!; return `<tr data-scheme="${h(c.scheme)}">
      <th scope="row">${h(schemeName(c))}</th><td class="num">${num(z.score, 1)}</td><td class="num">${z.rank}/${z.of}</td>
      <td class="num">${z.rankP5}–${z.rankP95}</td><td class="num">${z.officialRank ? `${z.officialRank}/${z.officialOf} (${z.officialYear})` : '—'}</td></tr>`; }).join('')}</tbody></table>
    <p class="note">${h(t('interval', { draws: d.composites[0].draws }))}</p>`;
}

function drawComposite(el: HTMLElement, d: ZoneData) {
  if (!d.composites.length) { el.remove(); return; }
  const rows = d.composites.map(c => ({ c, z: c.zones.find(x => x.zone === d.zone.id)! }));
  const maxOf = Math.max(...rows.map(r => r.z.of));
  const ink = dark() ? '#e9ecef' : '#212529';
  const px = textPx(), lh = lineHeight(px);
  // A scheme's name wraps within its own slot of the axis, so that neighbours never meet.
  const slot = Math.floor((widthOf(el) - px * 5) / rows.length) - px;
  chart(el, {
    tooltip: { trigger: 'item' }, legend: { top: 0 },
    grid: { left: px * 3, right: px * 2, top: lh * 2 + 14, bottom: 2 * lh + 12 },
    xAxis: { type: 'category', data: rows.map(r => schemeName(r.c)), axisLabel: { width: slot, overflow: 'break', lineHeight: lh, height: 2 * lh, lineOverflow: 'truncate', interval: 0 } },
    yAxis: { type: 'value', inverse: true, min: 1, max: maxOf, minInterval: 1, name: t('rank'), nameLocation: 'start' },
    series: [
      {
        type: 'custom', name: 'P5–P95',
        // An error bar: the vertical span from P5 to P95 with caps.
        renderItem: (_p: any, api: any) => {
          const lo = api.coord([api.value(0), api.value(1)]); const hi = api.coord([api.value(0), api.value(2)]);
          const w = 10;
          return { type: 'group', children: [
            { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: ink, lineWidth: 2 } },
            { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style: { stroke: ink, lineWidth: 2 } },
            { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style: { stroke: ink, lineWidth: 2 } },
          ] };
        },
        encode: { x: 0, y: [1, 2] },
        data: rows.map((r, i) => [i, r.z.rankP5, r.z.rankP95]),
        tooltip: { formatter: (p: any) => `P5–P95: ${p.value[1]}–${p.value[2]}` },
      },
      { type: 'scatter', name: t('compositeRank'), symbolSize: 14, itemStyle: { color: '#3b6fb6' }, data: rows.map((r, i) => [i, r.z.rank]), label: { show: true, position: 'right', formatter: (p: any) => `${p.value[1]}` } },
      { type: 'scatter', name: t('officialRank'), symbol: 'diamond', symbolSize: 16, itemStyle: { color: '#c92a2a' }, data: rows.filter(r => r.z.officialRank).map(r => [rows.indexOf(r), r.z.officialRank]), label: { show: true, position: 'left', formatter: (p: any) => `${p.value[1]}` } },
    ],
  });
}

function weakPoints(ctx: Context, d: ZoneData): string {
  // The zone's headline 短板 as publish computed them (zone page weakPoints[0]): the list the API, fz and the briefing give.
  const r = d.page.weakPoints?.[0];
  if (!r) return `<p>${t('noData')}</p>`;
  const max = Math.max(...r.indicators.map(i => i.pointsLost ?? 0), 0.001);
  return `<p class="sub">${h(pick(r.schemeName, r.schemeNameEn))}</p><ol class="weak" id="weak-list">${r.indicators.map(i => `<li data-indicator="${h(i.indicator)}" data-weak="${i.weak}">
      <span class="wname">${h(weakName(ctx, i))}${i.weak ? ` <strong class="tag">${t('weakTag')}</strong>` : ''}</span>
      <span class="wbar" aria-hidden="true"><span class="lost" style="width:${((i.pointsLost ?? 0) / max * 100).toFixed(1)}%"></span></span>
      <span class="num">${t('pointsLost')} ${i.pointsLost === undefined || i.pointsLost === null ? '—' : num(i.pointsLost, 1)}</span></li>`).join('')}</ol>
    <p class="note">${h(pick(r.selectionZh ?? '', r.selectionEn))}</p>`;
}

/** A scheme column's name: the indicator's, with 增速 / growth for a growth column (fdi_utilised:growth). */
function weakName(ctx: Context, i: WeakPoint): string {
  const [code, measure] = i.indicator.split(':');
  const en = ctx.indicators.get(code)?.nameEn;
  return measure === 'growth' ? pick(i.name, en ? `${en} growth` : undefined) : indicatorName(ctx, code, i.name);
}

function whatIfForm(ctx: Context, d: ZoneData): string {
  const c = d.composites[0];
  if (!c) return `<p>${t('noData')}</p>`;
  return `<form id="whatif" class="inline">
    <label for="whatif-indicator">${t('whatIfIndicator')}</label>
    <select id="whatif-indicator" name="indicator">${c.indicators.map(i => `<option value="${h(i.indicator)}">${h(indicatorName(ctx, i.indicator, i.name))}</option>`).join('')}</select>
    <button type="submit">${t('whatIfRun')}</button></form>`;
}

function wireWhatIf(ctx: Context, main: HTMLElement, d: ZoneData) {
  const form = main.querySelector<HTMLFormElement>('#whatif');
  const out = main.querySelector<HTMLElement>('#whatif-result')!;
  const c = d.composites[0];
  if (!form || !c) return;
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const indicator = (form.elements.namedItem('indicator') as HTMLSelectElement).value;
    out.textContent = t('loading');
    try {
      const r = await ctx.api.get<any>('whatif', { zone: d.zone.id, scheme: c.scheme, period: d.period, indicator, places: 3, lang: getLang() });
      out.innerHTML = `<p>${h(t('whatIfCurrent', { value: withUnit(r.current, r.unit), rank: r.rank, of: r.of }))}</p><ul class="steps">${r.steps.map((s: any) =>
        `<li data-places="${s.places}">${h(s.required === undefined ? t('whatIfUnreachable', { places: s.places, target: s.targetRank })
          : t('whatIfStep', { places: s.places, target: s.targetRank, value: `${withUnit(s.required, r.unit)} (${signed(s.changePercent, 1)}%)` }))}</li>`).join('')}</ul>`;
    } catch (err: any) {
      out.innerHTML = `<p class="error" role="alert">${h(err?.message ?? t('liveNeedsApi'))}</p>`;
    }
  });
}
