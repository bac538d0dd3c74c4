import type { Translator } from '../../i18n/index.ts';
import type { Cell } from './csv.ts';
import type { CoreDashboard, Series } from './panels.ts';
import type { PluginPanel } from './plugin-panels.ts';

export interface CsvTable {
  header: string[];
  rows: Cell[][];
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function seriesTable(t: Translator['t'], series: Series[]): CsvTable {
  return {
    header: [t('analytics.day'), ...series.map((s) => t(s.labelKey))],
    rows: (series[0]?.points ?? []).map((p, i) => [p.day, ...series.map((s) => s.points[i]?.value ?? 0)]),
  };
}

/** The numbers behind one panel, as a table for CSV export; undefined for an unknown panel. */
export function panelCsv(t: Translator['t'], panel: string, data: CoreDashboard | undefined, plugins: PluginPanel[]): CsvTable | undefined {
  if (!data) return pluginCsv(t, panel, plugins);
  const days = data.current.days;
  switch (panel) {
    case 'growth':
      return {
        header: [t('analytics.day'), t('analytics.metric.newMembers'), t('analytics.metric.newInvited'), t('analytics.metric.newDirect'), t('analytics.metric.membersTotal')],
        rows: days.map((d) => [d.day, d.newMembers, d.newInvited, d.newMembers - d.newInvited, d.membersTotal]),
      };
    case 'activity':
      return {
        header: [
          t('analytics.day'),
          'DAU',
          'WAU',
          'MAU',
          t('analytics.metric.posts'),
          t('analytics.metric.threads'),
          t('analytics.metric.replies'),
          t('analytics.metric.likes'),
          t('analytics.metric.pageViews'),
        ],
        rows: days.map((d) => [d.day, d.dau, d.wau, d.mau, d.posts, d.threads, d.replies, d.likes, d.memberViews + d.guestViews]),
      };
    case 'retention':
      return {
        header: [t('analytics.cohort.week'), t('analytics.cohort.size'), ...Array.from({ length: 8 }, (_, i) => `${t('analytics.cohort.offset', { n: i + 1 })} (%)`)],
        rows: data.retention.cohorts.map((c) => [c.week, c.size, ...c.shares.map(percent)]),
      };
    case 'content': {
      const { columns, rows } = data.content.categories;
      return { header: columns.map((c) => t(c.labelKey)), rows: rows.map((r) => columns.map((c) => r[c.key] ?? null)) };
    }
    case 'segments':
      return seriesTable(t, data.segments.series);
    default:
      return pluginCsv(t, panel, plugins);
  }
}

function pluginCsv(t: Translator['t'], panel: string, plugins: PluginPanel[]): CsvTable | undefined {
  const plugin = plugins.find((p) => p.id === panel);
  if (!plugin) return undefined;
  if (plugin.series.length > 0) return seriesTable(t, plugin.series);
  return { header: plugin.headlines.map((h) => t(h.labelKey)), rows: [plugin.headlines.map((h) => h.value)] };
}
