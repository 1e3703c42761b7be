// A uPlot chart: x is a day (unix seconds), each series a line or bars of integers.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface SeriesSpec {
  label: string;
  color: string;
  values: (number | null)[];  // null: no value that day (a gap in a line)
  bars?: boolean;
}

const barsPath = uPlot.paths.bars ? uPlot.paths.bars({ size: [0.6, 40] }) : undefined;

export function Chart({ title, days, series, height = 220, valueLabel, range }: {
  title: string;
  days: number[];
  series: SeriesSpec[];
  height?: number;
  valueLabel?: (v: number) => string;
  range?: [number, number];  // a fixed y range (shares: 0 to 100); else fitted to the data
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const width = Math.max(280, el.clientWidth || 480);
    const plot = new uPlot(
      {
        width,
        height,
        scales: { x: { time: true }, y: range ? { range } : {} },
        axes: [{}, { values: (_u, ticks) => ticks.map((t) => (valueLabel ? valueLabel(t) : String(t))), size: 70 }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: s.bars ? s.color : undefined,
            width: s.bars ? 0 : 2,
            paths: s.bars ? barsPath : undefined,
            value: (_u: uPlot, v: number | null) => (v === null ? '–' : valueLabel ? valueLabel(v) : String(v)),
          })),
        ],
      },
      [days, ...series.map((s) => s.values)],
      el,
    );
    return () => plot.destroy();
  }, [JSON.stringify(days), JSON.stringify(series.map((s) => [s.label, s.values])), height, JSON.stringify(range)]);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div ref={host} role="img" aria-label={`${title}: chart; the same figures are in the table below`} />
    </figure>
  );
}

// "2026-12-01" → unix seconds at midnight UTC.
export function dayToUnix(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}
