import type { ViewContext } from '../../ui/view-context.ts';
import type { AnalyticsFormat } from '../plugin-types.ts';

/** A figure as people read it: counts with separators, ratios as percentages, durations in h/min. */
export function formatValue(vc: ViewContext, value: number | null, format: AnalyticsFormat): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (format === 'percent') return `${vc.tr.number(Math.round(value * 1000) / 10)} %`;
  if (format === 'duration') return formatDuration(value);
  return vc.tr.number(Math.round(value * 100) / 100);
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  return `${Math.round((seconds / 86_400) * 10) / 10} d`;
}
