import { useEffect, useRef } from 'react';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use as registerChartParts, type ComposeOption, type ECElementEvent, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the dashboard draws: all of echarts would triple the role's bundle.
registerChartParts([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;
export type ChartClick = Pick<ECElementEvent, 'componentType' | 'seriesId' | 'name' | 'dataIndex' | 'value'>;

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (ECharts' aria adds a description of the data). */
  label: string;
  height?: number;
  /** The element clicked: a bar or a point (componentType 'series'), an axis label ('xAxis' / 'yAxis'). */
  onClick?: (e: ChartClick) => void;
}

/** One ECharts chart, sized to its container. */
export function EChart({ option, label, height = 300, onClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const instance = init(container.current!, undefined, { renderer: 'svg', locale: 'ZH' });
    instance.on('click', (e) => click.current?.(e as ChartClick));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(container.current!);
    chart.current = instance;
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}
