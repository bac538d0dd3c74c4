import type { Logger } from '../../logger.ts';
import type { PluginHost } from '../../plugins/host.ts';
import type { AnalyticsPanelDefinition } from '../plugin-types.ts';
import { toRange, type Period } from '../ranges.ts';
import type { Headline, Series } from './panels.ts';

export interface PluginPanel {
  /** `<pluginId>.<key>`: the id in URLs and CSV file names. */
  id: string;
  pluginId: string;
  definition: AnalyticsPanelDefinition;
  headlines: Headline[];
  series: Series[];
}

export interface PluginPanelInput {
  pluginHost: PluginHost;
  logger: Logger;
  timeZone: string;
  current: Period;
  previous: Period;
  categoryId: number | null;
  /** Only this panel (CSV export); default every panel. */
  only?: string;
}

/** The panels of active plugins with their figures; a failing metric reads "no data" and is logged. */
export async function loadPluginPanels(input: PluginPanelInput): Promise<PluginPanel[]> {
  const panels: PluginPanel[] = [];
  for (const plugin of input.pluginHost.list()) {
    const id = plugin.definition.id;
    if (plugin.status !== 'active' || !plugin.analytics || !input.pluginHost.isActive(id)) continue;
    for (const definition of plugin.analytics.panels) {
      const panelId = `${id}.${definition.key}`;
      if (input.only && input.only !== panelId) continue;
      const categoryId = definition.categoryFilter ? input.categoryId : null;
      const current = toRange(input.current, input.timeZone, categoryId);
      const previous = toRange(input.previous, input.timeZone, categoryId);
      const guard = async <T>(metric: string, work: () => Promise<T>, fallback: T): Promise<T> => {
        try {
          return await work();
        } catch (error) {
          input.logger.error({ err: error, plugin: id, metric }, 'analytics metric failed');
          return fallback;
        }
      };
      const metrics = definition.metrics.map((key) => plugin.analytics!.metrics.get(key)!);
      const headlines = await Promise.all(
        metrics.map(async (m): Promise<Headline> => ({
          key: `${id}.${m.key}`,
          labelKey: m.labelKey,
          format: m.format ?? 'number',
          value: await guard(m.key, () => m.total(current), null),
          previous: await guard(m.key, () => m.total(previous), null),
        })),
      );
      const series = await Promise.all(
        metrics
          .filter((m) => m.daily)
          .map(async (m): Promise<Series> => {
            const values = new Map((await guard(m.key, () => m.daily!(current), [])).map((p) => [p.day, p.value]));
            return { key: `${id}.${m.key}`, labelKey: m.labelKey, points: current.days.map((day) => ({ day, value: values.get(day) ?? 0 })) };
          }),
      );
      panels.push({ id: panelId, pluginId: id, definition, headlines, series });
    }
  }
  return panels;
}
