// ECharts, tree-shaken: only the charts and components the portal draws, SVG renderer (crisp in print).
import * as echarts from 'echarts/core';
import { LineChart, BarChart, ScatterChart, CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { getLang } from './i18n';

echarts.use([LineChart, BarChart, ScatterChart, CustomChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export type Option = echarts.EChartsCoreOption;
const live = new Set<echarts.ECharts>();

export function dark(): boolean { return document.body.classList.contains('big'); }

/** A tooltip formatter of the portal: lines of text (a name, then figures), never markup. */
export type TooltipLines = (p: any) => string | string[];

/**
 * The one place a chart's data meets the page as HTML. ECharts inserts a tooltip formatter's string as HTML, so a
 * name users imported (a target named <img onerror=…>, issue 31) would run as script; here every function formatter's
 * lines become text nodes in an element ECharts appends as is. Labels, axes and legends are SVG text, and ECharts'
 * own tooltips and string templates encode, so nothing else in a chart parses data as markup.
 */
function asText(formatter: TooltipLines) {
  return (p: any) => {
    const box = document.createElement('div');
    ([] as string[]).concat(formatter(p)).forEach((line, i) => { if (i) box.append(document.createElement('br')); box.append(line); });
    return box;
  };
}

function textTooltips(option: any): Option {
  const fix = (tip: any) => (tip && typeof tip.formatter === 'function' ? { ...tip, formatter: asText(tip.formatter) } : tip);
  const series = Array.isArray(option.series) ? option.series.map((s: any) => (s.tooltip ? { ...s, tooltip: fix(s.tooltip) } : s)) : option.series;
  return { ...option, tooltip: fix(option.tooltip), series };
}

/** A chart in el; its text alternative is the table beside it (aria-describedby), ECharts adds its own aria label. */
export function chart(el: HTMLElement, option: Option): echarts.ECharts {
  // The locale names ECharts' own words (its aria description of the chart) in the page's language.
  const c = echarts.init(el, dark() ? 'dark' : undefined, { renderer: 'svg', locale: getLang() === 'en' ? 'EN' : 'ZH' });
  // The page's own font family, not 'inherit': ECharts measures labels with it (to wrap, truncate and keep them inside
  // the chart), and a measure in another font than the one drawn lets labels run past the chart's edge.
  const fontFamily = getComputedStyle(el).fontFamily;
  c.setOption({ aria: { enabled: true }, backgroundColor: 'transparent', textStyle: { fontFamily, fontSize: textPx() },
    animation: !matchMedia('(prefers-reduced-motion: reduce)').matches, ...withTextSize(textTooltips(option), textPx()) });
  live.add(c);
  return c;
}

/** Chart text size in px: 12 on a desk, 18 on the big screen, read across a room (LayoutTests holds it ≥ 16). */
export function textPx(): number { return dark() ? 18 : 12; }

/** A label's line height for a text size: two lines of a wrapped category name fit a row of 2.8 × px. */
export function lineHeight(px = textPx()): number { return Math.round(px * 1.25); }

/**
 * The width a chart in el is drawn at. A big-screen panel waits hidden (display:none, 0 px wide) for its turn, then is
 * resized: its labels are laid out for the width of the page's main column it will take, less the panel's padding.
 */
export function widthOf(el: HTMLElement): number {
  const main = el.closest('main');
  return el.clientWidth || (main ? main.clientWidth - 100 : innerWidth);
}

/** A text's width in px as a chart in el draws it (its font, px): to place a label before ECharts draws it. */
export function textWidth(el: HTMLElement, text: string, px = textPx()): number {
  const g = document.createElement('canvas').getContext('2d');
  if (!g) return text.length * px * 0.62;
  g.font = `${px}px ${getComputedStyle(el).fontFamily}`;
  return g.measureText(text).width;
}

/** Every text of a chart at one size unless the view set one: axes, axis names, legend, series and reference-line labels. */
function withTextSize(option: any, px: number): Option {
  const text = (o: any) => (o ? { ...o, fontSize: o.fontSize ?? px } : { fontSize: px });
  const axis = (a: any) => (a ? [].concat(a).map((x: any) => ({ ...x, axisLabel: text(x.axisLabel), nameTextStyle: text(x.nameTextStyle) })) : a);
  const series = [].concat(option.series ?? []).map((s: any) => ({
    ...s, label: s.label ? text(s.label) : s.label,
    markLine: s.markLine ? { ...s.markLine, label: text(s.markLine.label), data: s.markLine.data?.map((d: any) => (d.label ? { ...d, label: text(d.label) } : d)) } : s.markLine,
  }));
  return { ...option, xAxis: axis(option.xAxis), yAxis: axis(option.yAxis), legend: option.legend ? { ...option.legend, textStyle: text(option.legend.textStyle) } : option.legend, series };
}

export function disposeAll() { live.forEach(c => c.dispose()); live.clear(); }
export function resizeAll() { live.forEach(c => c.resize()); }
addEventListener('resize', () => resizeAll());
addEventListener('beforeprint', () => resizeAll());

export const statusColour: Record<string, string> = {
  achieved: '#1a7f37', ahead: '#2b8a3e', 'on-track': '#3b6fb6', behind: '#c77700', 'at-risk': '#c92a2a', 'below-target': '#c77700', 'no-data': '#868e96',
};
