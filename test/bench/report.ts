import type { Measurement } from './measure.ts';

export interface Row {
  label: string;
  scenario: string;
  m: Measurement;
  baseline: Measurement;
  /** Every round's ratio, when the scenario took turns with the hello-world. */
  ratios?: number[];
}

/** The Markdown table docs/performance.md keeps: absolute figures, the ratio to hello-world and its spread over the rounds. */
export function formatTable(rows: Row[], options: { duration: number; connections: number; rounds: number }): string {
  const lines = [
    `Each scenario: ${options.rounds} rounds of ${options.duration} s at ${options.connections} connections (autocannon), after a warm-up, ` +
      `taking turns with a bare Hono hello-world on the same machine (hello, scenario, hello, … hello). A round's ratio = ` +
      `the scenario's req/s ÷ the mean of the hello-worlds just before and just after it. Each row is the round with the ` +
      `median ratio (its req/s, hello-world and latencies; RSS is the peak over all rounds); "rounds" gives the lowest and ` +
      `highest ratio. The first row is the first hello-world measurement.`,
    '',
    '| Database | Scenario | req/s | hello-world req/s | ratio | rounds | p50 ms | p97.5 ms | p99 ms | errors | server RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { label, scenario, m, baseline, ratios } of rows) {
    const ratio = m === baseline ? '1.00' : (m.requestsPerSecond / baseline.requestsPerSecond).toFixed(3);
    const spread = ratios && ratios.length > 1 ? `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` : '';
    lines.push(
      `| ${label} | ${scenario} | ${m.requestsPerSecond.toFixed(0)} | ${baseline.requestsPerSecond.toFixed(0)} | ${ratio} | ${spread} | ${m.p50} | ${m.p97_5} | ${m.p99} | ${m.errors} | ${m.maxRssMb} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
