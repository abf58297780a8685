import { useEffect, useRef } from 'react';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the pieces the console draws, so the chunk stays small; SVG keeps text crisp and selectable.
use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

export interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the numbers are also listed beside every chart). */
  label: string;
  height?: number;
  onClick?: (params: { name: string; dataIndex: number }) => void;
}

/** One ECharts chart that follows its option and its container's width. */
export function EChart({ option, label, height = 280, onClick }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | undefined>(undefined);
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    if (container.current === null) return undefined;
    const instance = init(container.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.(params as { name: string; dataIndex: number }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
