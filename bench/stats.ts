/** Percentile by nearest rank over a copy of `values` (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * Milliseconds per call of `work` (which may return a promise), median and worst over `runs` calls
 * after one warm-up, to the microsecond.
 */
export async function timeAsyncCalls(
  work: () => unknown,
  runs = 7,
): Promise<{ medianMs: number; maxMs: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { medianMs: round(median(times)), maxMs: round(percentile(times, 100)) };
}
