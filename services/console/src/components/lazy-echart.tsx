import { lazy, Suspense } from 'react';
import type { EChartProps } from './echart';

// ECharts is the largest piece of the console (about 540 KB): a screen's numbers show first, and
// the chart draws when its chunk arrives, instead of the whole screen waiting for it.
const EChart = lazy(() => import('./echart').then((m) => ({ default: m.EChart })));

/** `EChart`, loaded on first use; until then an empty box of the chart's size and name. */
export function LazyEChart(props: EChartProps) {
  const placeholder = (
    <div role="img" aria-label={props.label} style={{ width: '100%', height: props.height ?? 280 }} />
  );
  return (
    <Suspense fallback={placeholder}>
      <EChart {...props} />
    </Suspense>
  );
}
