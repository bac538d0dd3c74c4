import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';

export interface Scenario {
  name: string;
  url: string;
  /** A single GET path, or a request sequence each connection cycles through. */
  path?: string;
  headers?: Record<string, string>;
  requests?: autocannon.Request[];
}

export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  /** Connection errors, timeouts and 4xx/5xx answers. */
  errors: number;
  requests: number;
  maxRssMb: number;
}

/** Drives one scenario with autocannon for `duration` seconds, sampling the server's resident memory. */
export async function measure(
  scenario: Scenario,
  options: { duration: number; connections: number; pid: number; warmUpSeconds?: number },
): Promise<Measurement> {
  // a short warm-up so JIT, caches and the pool are in steady state before measuring
  const warmUp = Math.min(options.warmUpSeconds ?? 3, options.duration);
  if (warmUp > 0) await run(scenario, warmUp, options.connections);
  let maxRss = 0;
  const sampler = setInterval(() => {
    void rssMb(options.pid).then((mb) => (maxRss = Math.max(maxRss, mb)));
  }, 250);
  try {
    const result = await run(scenario, options.duration, options.connections);
    const failedStatuses = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => Number(code) >= 400)
      .reduce((sum, [, stat]) => sum + (stat as { count: number }).count, 0);
    return {
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + failedStatuses,
      requests: result.requests.total,
      maxRssMb: Math.round(Math.max(maxRss, await rssMb(options.pid))),
    };
  } finally {
    clearInterval(sampler);
  }
}

function run(scenario: Scenario, duration: number, connections: number): Promise<autocannon.Result> {
  return autocannon({
    url: scenario.url + (scenario.path ?? ''),
    connections,
    duration,
    headers: scenario.headers,
    requests: scenario.requests,
    timeout: 10,
  });
}

async function rssMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}
