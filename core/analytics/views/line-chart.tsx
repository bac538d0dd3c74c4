import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import type { Series } from '../service/panels.ts';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 48 };

/** A rounded-up axis maximum (1, 2, 5 × 10ⁿ) so gridlines fall on readable numbers. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * magnitude) return step * magnitude;
  return 10 * magnitude;
}

/**
 * A server-drawn line chart: role=img with a title and description, colours from the theme's custom
 * properties (light and dark), and the same numbers as a table right below for screen readers and print.
 */
export const LineChart: FC<{ vc: ViewContext; id: string; title: string; series: Series[] }> = ({ vc, id, title, series }) => {
  const days = series[0]?.points.map((p) => p.day) ?? [];
  if (days.length === 0) return <p class="analytics-empty">{vc.t('analytics.noData')}</p>;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value))));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (days.length === 1 ? innerW / 2 : (i * innerW) / (days.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const labelled = days.length <= 2 ? days.map((_, i) => i) : [0, Math.floor((days.length - 1) / 2), days.length - 1];
  const names = series.map((s) => vc.t(s.labelKey)).join(', ');
  return (
    <figure class="analytics-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="analytics-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{vc.t('analytics.chart.desc', { series: names, from: days[0]!, to: days[days.length - 1]! })}</desc>
        {grid.map((g) => (
          <g class="analytics-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(g)} y2={y(g)} />
            <text x={PAD.left - 6} y={y(g) + 4} text-anchor="end">
              {vc.tr.number(Math.round(g * 100) / 100)}
            </text>
          </g>
        ))}
        {labelled.map((i) => (
          <text class="analytics-axis" x={x(i)} y={HEIGHT - 8} text-anchor={i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle'}>
            {days[i]}
          </text>
        ))}
        {series.map((s, n) =>
          s.points.length === 1 ? (
            <circle class={`analytics-series analytics-series-${n + 1}`} cx={x(0)} cy={y(s.points[0]!.value)} r="4" />
          ) : (
            <polyline class={`analytics-series analytics-series-${n + 1}`} points={s.points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')} />
          ),
        )}
      </svg>
      {series.length > 1 && (
        <figcaption class="analytics-legend">
          {series.map((s, n) => (
            <span class={`analytics-key analytics-key-${n + 1}`}>{vc.t(s.labelKey)}</span>
          ))}
        </figcaption>
      )}
      <SeriesTable vc={vc} series={series} />
    </figure>
  );
};

export const SeriesTable: FC<{ vc: ViewContext; series: Series[] }> = ({ vc, series }) => (
  <details class="analytics-table">
    <summary>{vc.t('analytics.showTable')}</summary>
    <table>
      <thead>
        <tr>
          <th scope="col">{vc.t('analytics.day')}</th>
          {series.map((s) => (
            <th scope="col">{vc.t(s.labelKey)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(series[0]?.points ?? []).map((p, i) => (
          <tr>
            <th scope="row">{p.day}</th>
            {series.map((s) => (
              <td>{vc.tr.number(Math.round((s.points[i]?.value ?? 0) * 100) / 100)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </details>
);
