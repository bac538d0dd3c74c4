import type { FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { DataTable } from './parts.tsx';

const CELL = 24;
const LEFT = 44;
const TOP = 18;

/** Hour of day × weekday, shaded by how much happened: when to schedule content. */
export const Heatmap: FC<{ vc: ViewContext; grid: number[][]; from: string; to: string }> = ({ vc, grid, from, to }) => {
  const max = Math.max(0, ...grid.flat());
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const weekdayName = (w: number) => vc.t(`analytics.weekday.${w + 1}`);
  return (
    <figure class="analytics-chart">
      <svg viewBox={`0 0 ${LEFT + 24 * CELL} ${TOP + 7 * CELL}`} role="img" aria-labelledby="heatmap-title heatmap-desc" class="analytics-svg analytics-heatmap">
        <title id="heatmap-title">{vc.t('analytics.heatmap')}</title>
        <desc id="heatmap-desc">{vc.t('analytics.heatmap.desc', { from, to })}</desc>
        {hours
          .filter((h) => h % 3 === 0)
          .map((h) => (
            <text class="analytics-axis" x={LEFT + h * CELL + CELL / 2} y={TOP - 5} text-anchor="middle">
              {h}
            </text>
          ))}
        {grid.map((row, w) => (
          <g>
            <text class="analytics-axis" x={LEFT - 6} y={TOP + w * CELL + CELL / 2 + 4} text-anchor="end">
              {weekdayName(w)}
            </text>
            {row.map((count, h) => (
              <rect
                class="analytics-cell"
                x={LEFT + h * CELL + 1}
                y={TOP + w * CELL + 1}
                width={CELL - 2}
                height={CELL - 2}
                fill-opacity={max > 0 ? (0.08 + 0.92 * (count / max)).toFixed(2) : '0.08'}
              >
                <title>{vc.t('analytics.heatmap.cell', { weekday: weekdayName(w), hour: h, count })}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <details class="analytics-table">
        <summary>{vc.t('analytics.showTable')}</summary>
        <DataTable caption={vc.t('analytics.heatmap')} head={['', ...hours.map(String)]} rows={grid.map((row, w) => [weekdayName(w), ...row.map((n) => vc.tr.number(n))])} />
      </details>
    </figure>
  );
};
