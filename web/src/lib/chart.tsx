// uPlot charts. Chart: x is a day (unix seconds), each series a line or bars of
// integers, or bars stacked on each other (the parts of each day's whole). XYChart: x and
// y are plain numbers (an ROC curve, a calibration plot), each series a line, dashed or
// with points. Each is a figure whose label points to the table of the same figures
// that the page shows beside it.
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
// Tick steps for counts: no half a decision on the axis.
const wholeSteps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

export function Chart({ title, days, series, height = 220, valueLabel, range, stacked = false }: {
  title: string;
  days: number[];
  series: SeriesSpec[];
  height?: number;
  valueLabel?: (v: number) => string;
  range?: [number, number];  // a fixed y range (shares: 0 to 100); else fitted to the data
  stacked?: boolean;  // bars, each series on top of the ones before it (a missing value counts 0)
}) {
  const drawn = stacked ? stack(series) : series;
  const yRange = range ?? (stacked ? 'from-zero' : undefined);
  return <Plot title={title} x={days} time series={drawn} height={height} valueLabel={valueLabel} yRange={yRange} />;
}

// A series as drawn, with its own values when it is drawn at another height (stacked).
interface DrawnSeries extends SeriesSpec {
  own?: Array<number | null>;
}

// Each series as a bar up to its sum with the series before it, the tallest first so
// that each lower part is painted over it: the legend lists them top to bottom and
// shows each one's own value.
function stack(series: SeriesSpec[]): DrawnSeries[] {
  const sums = series[0]?.values.map(() => 0) ?? [];
  const drawn = series.map((s) => ({ ...s, bars: true, own: s.values, values: s.values.map((v, i) => (sums[i] += v ?? 0)) }));
  return drawn.reverse();
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
  series: DrawnSeries[];
  height: number;
  valueLabel?: (v: number) => string;
  xLabel?: string;
  yLabel?: string;
  xRange?: [number, number];  // fixed axes; else fitted to the data
  yRange?: [number, number] | 'from-zero';  // from-zero: counts, 0 up to the data's maximum (at least 1)
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const width = Math.max(280, el.clientWidth || 480);
    // Bars stand centred on their day: half a day more on each side keeps the first and
    // last whole.
    const pad = time && series.some((s) => s.bars) ? 43_200 : 0;
    const plot = new uPlot(
      {
        width,
        height,
        scales: {
          x: xRange ? { time, range: () => xRange }
            : pad > 0 ? { time, range: (_u, min, max) => [min - pad, max + pad] } : { time },
          y: yRange === 'from-zero' ? { range: (_u, _min, max) => [0, Math.max(1, max)] }
            : yRange ? { range: () => yRange } : {},
        },
        axes: [
          { label: xLabel, values: time ? undefined : (_u, ticks) => ticks.map((t) => t.toFixed(2)) },
          {
            label: yLabel,
            values: (_u, ticks) => ticks.map((t) => (valueLabel ? valueLabel(t) : String(t))),
            size: 70,
            incrs: yRange === 'from-zero' ? wholeSteps : undefined,
          },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: s.bars ? s.color : undefined,
            width: s.bars ? 0 : 2,
            dash: s.dash,
            points: s.points ? { show: true, size: 7 } : s.bars ? { show: false } : undefined,
            spanGaps: false,
            paths: s.bars ? barsPath : undefined,
            value: (_u: uPlot, drawnValue: number | null, _s: number, i: number | null) => {
              const v = s.own && i !== null ? s.own[i] : drawnValue;
              return v === null ? '–' : valueLabel ? valueLabel(v) : String(v);
            },
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
