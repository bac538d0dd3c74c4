/** What plugins register on the analytics dashboard (api.analytics); see docs/plugins.md. */

/** The period a figure is asked for, in the forum's time zone. */
export interface AnalyticsRange {
  /** First day, 'YYYY-MM-DD' (inclusive). */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
  /** The instant `from` begins. */
  readonly start: Date;
  /** The instant the day after `to` begins (exclusive). */
  readonly end: Date;
  readonly timeZone: string;
  /** Every day from..to. */
  readonly days: readonly string[];
  /** The category filter (null = all); set only for panels with categoryFilter. */
  readonly categoryId: number | null;
}

export type AnalyticsFormat = 'number' | 'percent' | 'duration';

export interface AnalyticsMetricDefinition {
  /** Unique within the plugin; the metric's full id is `<pluginId>.<key>`. */
  key: string;
  /** i18n key of the metric's name. */
  labelKey: string;
  /** number; percent = a 0..1 ratio; duration = seconds. Default number. */
  format?: AnalyticsFormat;
  /** The figure for a whole period (asked for the range and for the previous period); null = no data. */
  total(range: AnalyticsRange): Promise<number | null>;
  /** One value per day, for the chart and the CSV; missing days count as 0. */
  daily?(range: AnalyticsRange): Promise<{ day: string; value: number }[]>;
}

export interface AnalyticsPanelDefinition {
  /** Unique within the plugin. */
  key: string;
  titleKey: string;
  descriptionKey?: string;
  /** Keys of metrics this plugin registered, in display order. */
  metrics: string[];
  /** The metrics honour range.categoryId: the dashboard offers the category filter. */
  categoryFilter?: boolean;
}

export interface AnalyticsRegistrations {
  metrics: Map<string, AnalyticsMetricDefinition>;
  panels: AnalyticsPanelDefinition[];
}

export interface AnalyticsApi {
  metric(definition: AnalyticsMetricDefinition): void;
  panel(definition: AnalyticsPanelDefinition): void;
}

const keyShape = /^[a-zA-Z][a-zA-Z0-9_-]{0,40}$/;

/** The api.analytics object of one plugin: checks keys as they are registered, so setup() fails fast. */
export function createAnalyticsApi(pluginId: string, into: AnalyticsRegistrations): AnalyticsApi {
  return {
    metric(definition) {
      if (!keyShape.test(definition.key)) throw new Error(`${pluginId}: analytics metric key "${definition.key}" is not a simple name`);
      if (into.metrics.has(definition.key)) throw new Error(`${pluginId}: analytics metric "${definition.key}" is registered twice`);
      into.metrics.set(definition.key, definition);
    },
    panel(definition) {
      if (!keyShape.test(definition.key)) throw new Error(`${pluginId}: analytics panel key "${definition.key}" is not a simple name`);
      if (into.panels.some((p) => p.key === definition.key)) throw new Error(`${pluginId}: analytics panel "${definition.key}" is registered twice`);
      if (definition.metrics.length === 0) throw new Error(`${pluginId}: analytics panel "${definition.key}" has no metrics`);
      for (const key of definition.metrics) {
        if (!into.metrics.has(key)) throw new Error(`${pluginId}: analytics panel "${definition.key}" uses unknown metric "${key}" (register metrics first)`);
      }
      into.panels.push(definition);
    },
  };
}
