// ECharts, tree-shaken: only the charts and components the portal draws, SVG renderer (crisp in print).
import * as echarts from 'echarts/core';
import { LineChart, BarChart, ScatterChart, CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, ScatterChart, CustomChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export type Option = echarts.EChartsCoreOption;
const live = new Set<echarts.ECharts>();

export function dark(): boolean { return document.body.classList.contains('big'); }

/** A chart in el; its text alternative is the table beside it (aria-describedby), ECharts adds its own aria label. */
export function chart(el: HTMLElement, option: Option): echarts.ECharts {
  const c = echarts.init(el, dark() ? 'dark' : undefined, { renderer: 'svg' });
  c.setOption({ aria: { enabled: true }, backgroundColor: 'transparent', textStyle: { fontFamily: 'inherit' }, animation: !matchMedia('(prefers-reduced-motion: reduce)').matches, ...option });
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
