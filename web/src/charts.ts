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
  c.setOption({ aria: { enabled: true }, backgroundColor: 'transparent', textStyle: { fontFamily: 'inherit' }, animation: !matchMedia('(prefers-reduced-motion: reduce)').matches, ...textTooltips(option) });
  live.add(c);
  return c;
}

export function disposeAll() { live.forEach(c => c.dispose()); live.clear(); }
export function resizeAll() { live.forEach(c => c.resize()); }
addEventListener('resize', () => resizeAll());
addEventListener('beforeprint', () => resizeAll());

export const statusColour: Record<string, string> = {
  achieved: '#1a7f37', ahead: '#2b8a3e', 'on-track': '#3b6fb6', behind: '#c77700', 'at-risk': '#c92a2a', 'below-target': '#c77700', 'no-data': '#868e96',
};
