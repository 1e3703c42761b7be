// uPlot charts. Chart: x is a day (unix seconds), each series a line or bars of
// integers. XYChart: x and y are plain numbers (an ROC curve, a calibration plot), each
// series a line, dashed or with points. Each is a figure whose label points to the table
// of the same figures that the page shows beside it.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface SeriesSpec {
  label: string;
  color: string;
  values: Array<number | null>;  // null: no value there (a gap in a line)
  bars?: boolean;
  dash?: number[];
  points?: boolean;
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
  return <Plot title={title} x={days} time series={series} height={height} valueLabel={valueLabel} yRange={range} />;
}

// x and y from 0 to 1 unless `range` says otherwise; `xLabel` and `yLabel` name the axes.
export function XYChart({ title, x, series, xLabel, yLabel, range = [0, 1], height = 260 }: {
  title: string;
  x: number[];
  series: SeriesSpec[];
  xLabel: string;
  yLabel: string;
  range?: [number, number];
  height?: number;
}) {
  return (
    <Plot title={title} x={x} time={false} series={series} height={height} xLabel={xLabel} yLabel={yLabel} xRange={range}
      yRange={range} valueLabel={(v) => v.toFixed(2)} />
  );
}

function Plot({ title, x, time, series, height, valueLabel, xLabel, yLabel, xRange, yRange }: {
  title: string;
  x: number[];
  time: boolean;
  series: SeriesSpec[];
  height: number;
  valueLabel?: (v: number) => string;
  xLabel?: string;
  yLabel?: string;
  xRange?: [number, number];  // fixed axes; else fitted to the data
  yRange?: [number, number];
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
        scales: {
          x: xRange ? { time, range: () => xRange } : { time },
          y: yRange ? { range: () => yRange } : {},
        },
        axes: [
          { label: xLabel, values: time ? undefined : (_u, ticks) => ticks.map((t) => t.toFixed(2)) },
          { label: yLabel, values: (_u, ticks) => ticks.map((t) => (valueLabel ? valueLabel(t) : String(t))), size: 70 },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: s.bars ? s.color : undefined,
            width: s.bars ? 0 : 2,
            dash: s.dash,
            points: s.points ? { show: true, size: 7 } : undefined,
            spanGaps: false,
            paths: s.bars ? barsPath : undefined,
            value: (_u: uPlot, v: number | null) => (v === null ? '–' : valueLabel ? valueLabel(v) : String(v)),
          })),
        ],
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    return () => plot.destroy();
  }, [JSON.stringify(x), JSON.stringify(series.map((s) => [s.label, s.values])), height, JSON.stringify([xRange, yRange])]);
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
