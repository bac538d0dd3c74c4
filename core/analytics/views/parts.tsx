import type { Child, FC } from 'hono/jsx';
import type { ViewContext } from '../../ui/view-context.ts';
import { change } from '../ranges.ts';
import type { Headline } from '../service/panels.ts';
import { formatValue } from './format.ts';

/** The headline figures of a panel, each with its change against the previous period. */
export const Headlines: FC<{ vc: ViewContext; items: Headline[] }> = ({ vc, items }) => (
  <dl class="analytics-stats">
    {items.map((h) => {
      const delta = change(h.value, h.previous);
      const text = delta === null ? '' : `${Math.abs(Math.round(delta * 10) / 10)} %`;
      return (
        <div class="analytics-stat" data-metric={h.key}>
          <dt>{vc.t(h.labelKey)}</dt>
          <dd>
            <span class="analytics-value">{formatValue(vc, h.value, h.format)}</span>
            {delta === null ? (
              <span class="analytics-delta analytics-flat">{vc.t('analytics.noChange')}</span>
            ) : (
              <span
                class={`analytics-delta ${delta > 0 ? 'analytics-up' : delta < 0 ? 'analytics-down' : 'analytics-flat'}`}
                title={vc.t('analytics.vsPrevious', { value: formatValue(vc, h.previous, h.format) })}
              >
                <span aria-hidden="true">{delta > 0 ? '↑' : delta < 0 ? '↓' : '→'} </span>
                <span class="visually-hidden">{vc.t(delta >= 0 ? 'analytics.up' : 'analytics.down', { value: text })} — </span>
                <span aria-hidden="true">{text}</span>
                <span class="visually-hidden"> {vc.t('analytics.vsPrevious', { value: formatValue(vc, h.previous, h.format) })}</span>
              </span>
            )}
          </dd>
        </div>
      );
    })}
  </dl>
);

/** One dashboard section: heading, CSV link, content. */
export const Panel: FC<{ vc: ViewContext; id: string; title: string; exportHref: string; intro?: string; children?: Child }> = ({
  vc,
  id,
  title,
  exportHref,
  intro,
  children,
}) => (
  <section class="analytics-panel" id={`panel-${id}`} aria-labelledby={`panel-${id}-title`}>
    <header class="analytics-panel-head">
      <h2 id={`panel-${id}-title`}>{title}</h2>
      <a class="button small analytics-export" href={exportHref} download>
        {vc.t('analytics.export')}
      </a>
    </header>
    {intro && <p class="analytics-intro">{intro}</p>}
    {children}
  </section>
);

/** A simple data table with a caption (category output, cohorts, top lists). */
export const DataTable: FC<{ caption: string; head: string[]; rows: Child[][]; class?: string }> = (props) => (
  <div class="analytics-scroll">
    <table class={props.class ?? 'analytics-data'}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((cells) => (
          <tr>
            {cells.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
