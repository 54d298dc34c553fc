import autocannon from "autocannon";

/**
 * The load generator of `npm run bench`, in its own process so that it never shares an event
 * loop with the product nor with the services: `tsx scripts/bench/load.ts '<json>'` prints one
 * JSON line. autocannon's histogram has no 95th percentile, so every response time is kept and
 * the percentiles are read from the sorted list.
 */
export type LoadPlan = { url: string; connections: number; seconds: number; headers?: Record<string, string> };
export type LoadResult = { requests: number; perSecond: number; p50: number; p95: number; p99: number; statuses: Record<string, number>; errors: number };

const plan = JSON.parse(process.argv[2] ?? "{}") as LoadPlan;
const times: number[] = [];
const statuses: Record<string, number> = {};
const instance = autocannon({ url: plan.url, connections: plan.connections, duration: plan.seconds, headers: plan.headers, timeout: 30 }, (error, result) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  const answer: LoadResult = {
    requests: times.length,
    perSecond: times.length / (result.duration || plan.seconds),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    statuses,
    errors: result.errors + result.timeouts,
  };
  console.log(JSON.stringify(answer));
});
instance.on("response", (_client, status: number, _bytes: number, time: number) => {
  times.push(time);
  statuses[status] = (statuses[status] ?? 0) + 1;
});
