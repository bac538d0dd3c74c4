import type { FC } from 'hono/jsx';
import { threadPath } from '../../forum/index.ts';
import type { ViewContext } from '../../ui/view-context.ts';
import { presets, type Period, type RangeQuery } from '../ranges.ts';
import type { CoreDashboard } from '../service/panels.ts';
import type { PluginPanel } from '../service/plugin-panels.ts';
import { formatValue } from './format.ts';
import { Heatmap } from './heatmap.tsx';
import { LineChart } from './line-chart.tsx';
import { DataTable, Headlines, Panel } from './parts.tsx';

export interface DashboardProps {
  vc: ViewContext;
  query: RangeQuery;
  current: Period;
  previous: Period;
  categories: { id: number; name: string }[];
  data: CoreDashboard;
  plugins: PluginPanel[];
  error?: string;
}

/** Query string for the dashboard and its exports, keeping the chosen range and category. */
export function rangeSearch(query: RangeQuery, override: Partial<RangeQuery> = {}): string {
  const q = { ...query, ...override };
  const params = new URLSearchParams({ range: q.range });
  if (q.range === 'custom' && q.from && q.to) {
    params.set('from', q.from);
    params.set('to', q.to);
  }
  if (q.category) params.set('category', String(q.category));
  return params.toString();
}

const RangePicker: FC<DashboardProps> = ({ vc, query, current, categories, error }) => (
  <div class="analytics-range">
    <nav aria-label={vc.t('analytics.range')}>
      <ul class="analytics-presets">
        {presets.map((p) => (
          <li>
            <a href={`/admin/analytics?${rangeSearch(query, { range: p })}`} aria-current={query.range === p ? 'true' : undefined}>
              {vc.t(`analytics.range.${p}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
    <form method="get" action="/admin/analytics" class="analytics-custom">
      <input type="hidden" name="range" value="custom" />
      <label>
        {vc.t('analytics.from')} <input type="date" name="from" value={current.from} required />
      </label>
      <label>
        {vc.t('analytics.to')} <input type="date" name="to" value={current.to} required />
      </label>
      <label>
        {vc.t('analytics.category')}{' '}
        <select name="category">
          <option value="">{vc.t('analytics.category.all')}</option>
          {categories.map((c) => (
            <option value={String(c.id)} selected={query.category === c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="button small">
        {vc.t('analytics.apply')}
      </button>
    </form>
    {error && (
      <p class="form-error" role="alert">
        {vc.t(error)}
      </p>
    )}
  </div>
);

export const Dashboard: FC<DashboardProps> = (props) => {
  const { vc, query, current, previous, data, plugins } = props;
  const exportHref = (panel: string) => `/admin/analytics/export/${panel}.csv?${rangeSearch(query)}`;
  const { growth, activity, retention, content, segments } = data;
  return (
    <div class="analytics">
      <p>{vc.t('analytics.intro', { zone: vc.site.timeZone })}</p>
      <RangePicker {...props} />
      <p class="analytics-period">
        {vc.t('analytics.period', { from: current.from, to: current.to, prevFrom: previous.from, prevTo: previous.to })}
      </p>
      {data.current.partialToday && <p class="analytics-note" data-partial="true">{vc.t('analytics.partial')}</p>}
      {data.current.missing > 0 && <p class="analytics-note">{vc.t('analytics.missing', { count: data.current.missing })}</p>}

      <Panel vc={vc} id="growth" title={vc.t('analytics.panel.growth')} exportHref={exportHref('growth')}>
        <Headlines vc={vc} items={growth.headlines} />
        <LineChart vc={vc} id="chart-growth" title={vc.t('analytics.panel.growth')} series={growth.series} />
      </Panel>

      <Panel vc={vc} id="activity" title={vc.t('analytics.panel.activity')} exportHref={exportHref('activity')}>
        <Headlines vc={vc} items={activity.headlines} />
        <LineChart vc={vc} id="chart-activity" title={vc.t('analytics.panel.activity')} series={activity.series} />
        <h3>{vc.t('analytics.heatmap')}</h3>
        <Heatmap vc={vc} grid={activity.heatmap} from={current.from} to={current.to} />
      </Panel>

      <Panel vc={vc} id="retention" title={vc.t('analytics.panel.retention')} exportHref={exportHref('retention')} intro={vc.t('analytics.panel.retention.intro')}>
        <Headlines vc={vc} items={retention.headlines} />
        {retention.cohorts.length === 0 ? (
          <p class="analytics-empty">{vc.t('analytics.noData')}</p>
        ) : (
          <DataTable
            class="analytics-data analytics-cohorts"
            caption={vc.t('analytics.cohorts')}
            head={[vc.t('analytics.cohort.week'), vc.t('analytics.cohort.size'), ...Array.from({ length: 8 }, (_, i) => vc.t('analytics.cohort.offset', { n: i + 1 }))]}
            rows={retention.cohorts.map((c) => [c.week, vc.tr.number(c.size), ...c.shares.map((s) => formatValue(vc, s, 'percent'))])}
          />
        )}
      </Panel>

      <Panel vc={vc} id="content" title={vc.t('analytics.panel.content')} exportHref={exportHref('content')}>
        <Headlines vc={vc} items={content.headlines} />
        <LineChart vc={vc} id="chart-content" title={vc.t('analytics.panel.content')} series={content.series} />
        <DataTable
          caption={vc.t('analytics.panel.content')}
          head={content.categories.columns.map((c) => vc.t(c.labelKey))}
          rows={content.categories.rows.map((r) => content.categories.columns.map((c) => (c.key === 'category' ? String(r[c.key]) : vc.tr.number(Number(r[c.key])))))}
        />
        <div class="analytics-columns">
          <DataTable
            caption={vc.t('analytics.topThreads')}
            head={[vc.t('analytics.column.thread'), vc.t('analytics.column.category'), vc.t('analytics.column.posts')]}
            rows={content.topThreads.map((t) => [<a href={threadPath(t)}>{t.title}</a>, t.categoryName, vc.tr.number(t.posts)])}
          />
          <DataTable
            caption={vc.t('analytics.topContributors')}
            head={[vc.t('analytics.column.member'), vc.t('analytics.column.posts')]}
            rows={content.topContributors.map((u) => [<a href={`/u/${encodeURIComponent(u.username)}`}>{u.username}</a>, vc.tr.number(u.posts)])}
          />
        </div>
      </Panel>

      <Panel vc={vc} id="segments" title={vc.t('analytics.panel.segments')} exportHref={exportHref('segments')} intro={vc.t('analytics.panel.segments.intro')}>
        <Headlines vc={vc} items={segments.headlines} />
        <LineChart vc={vc} id="chart-segments" title={vc.t('analytics.panel.segments')} series={segments.series} />
      </Panel>

      {plugins.map((p) => (
        <Panel
          vc={vc}
          id={p.id.replace('.', '-')}
          title={vc.t(p.definition.titleKey)}
          exportHref={exportHref(p.id)}
          intro={p.definition.descriptionKey ? vc.t(p.definition.descriptionKey) : undefined}
        >
          <Headlines vc={vc} items={p.headlines} />
          {p.series.length > 0 && <LineChart vc={vc} id={`chart-${p.id.replace('.', '-')}`} title={vc.t(p.definition.titleKey)} series={p.series} />}
        </Panel>
      ))}
    </div>
  );
};
