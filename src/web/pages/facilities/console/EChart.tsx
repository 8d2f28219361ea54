// A small React wrapper around ECharts, loaded on first use (the library is a separate chunk that
// only the operator console pulls in). The chart is a picture for sighted users: it is hidden from
// assistive technology and every chart on the console comes with a table of the same figures.
import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';

export function EChart({
  option,
  height = 320,
  testId,
}: {
  option: EChartsOption;
  height?: number;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<{
    setOption(option: EChartsOption, notMerge?: boolean): void;
    resize(): void;
    dispose(): void;
  } | null>(null);

  useEffect(() => {
    let isCurrent = true;
    let observer: ResizeObserver | undefined;
    void import('./echarts-setup.ts').then((echarts) => {
      if (!isCurrent || !container.current) return;
      chart.current = echarts.init(container.current, undefined, { renderer: 'canvas' });
      chart.current.setOption(option, true);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(container.current);
    });
    return () => {
      isCurrent = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; later option changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <div ref={container} className="echart" style={{ height }} aria-hidden="true" data-testid={testId} />
  );
}
