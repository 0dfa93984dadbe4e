export interface Bar {
  label: string;
  value: number;
  /** "#RRGGBB" */
  color: string;
}

export interface ChartSize {
  width: number;
  height: number;
}

export interface BarChartOptions {
  title?: string;
  size?: ChartSize;
}

/** Shown at half this size in mail, so it stays sharp on high-density screens. */
export const CHART_SIZE: ChartSize = { width: 560, height: 240 };

/** The family name the shipped font registers (see chart-fonts.ts); SVG text asks for it by name. */
export const CHART_FONT_FAMILY = 'Noto Sans Hans';

/**
 * A bar chart as SVG, drawn by ECharts' server-side renderer: one bar per value in its own
 * colour, the value above it, the category labels (Chinese) under the axis. No animation:
 * the string is taken at once. ECharts (~20 MB resident) is loaded by the first chart, not at boot.
 */
export async function renderBarChartSvg(bars: readonly Bar[], options: BarChartOptions = {}): Promise<string> {
  const size = options.size ?? CHART_SIZE;
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#FFFFFF',
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      title: options.title ? { text: options.title, left: 'center', top: 6, textStyle: { fontSize: 14, fontFamily: CHART_FONT_FAMILY } } : undefined,
      grid: { left: 40, right: 16, top: options.title ? 40 : 24, bottom: 36 },
      xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, fontSize: 12, fontFamily: CHART_FONT_FAMILY } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: CHART_FONT_FAMILY } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          label: { show: true, position: 'top', fontFamily: CHART_FONT_FAMILY },
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
