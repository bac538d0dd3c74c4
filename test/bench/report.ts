import type { Measurement } from './measure.ts';

export interface Row {
  label: string;
  scenario: string;
  m: Measurement;
  baseline: Measurement;
}

/** The Markdown table docs/performance.md keeps: absolute figures and the ratio to hello-world. */
export function formatTable(rows: Row[], options: { duration: number; connections: number }): string {
  const lines = [
    `Each scenario: ${options.duration} s at ${options.connections} connections (autocannon), after a warm-up. ` +
      `Ratio = scenario req/s ÷ a bare Hono hello-world's req/s on the same machine, measured for half as long ` +
      `just before the scenario and again just after it, averaged (the hello-world column; its first row is one ` +
      `full-length measurement).`,
    '',
    '| Database | Scenario | req/s | hello-world req/s | ratio | p50 ms | p97.5 ms | p99 ms | errors | server RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { label, scenario, m, baseline } of rows) {
    const ratio = m === baseline ? '1.00' : (m.requestsPerSecond / baseline.requestsPerSecond).toFixed(3);
    lines.push(`| ${label} | ${scenario} | ${m.requestsPerSecond.toFixed(0)} | ${baseline.requestsPerSecond.toFixed(0)} | ${ratio} | ${m.p50} | ${m.p97_5} | ${m.p99} | ${m.errors} | ${m.maxRssMb} |`);
  }
  return `${lines.join('\n')}\n`;
}
