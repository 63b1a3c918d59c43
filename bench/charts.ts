/**
 * Chart rendering bench: `npx tsx bench/charts.ts` prints a table; `benchCharts()` returns the
 * figures for a combined bench run. Measures, at the shipped 400×400 CSS px (DEFAULT_RENDER_SIZE):
 * - cold start: importing the renderer (Chart.js, @napi-rs/canvas), registering the font, and the
 *   first render;
 * - warm renders of every view at devicePixelRatio 2 and 3 (the default): median, p95, PNG bytes;
 * - the QuickChart path through the loopback fake (HTTP, JavaScript-text encoding, JSON5 parsing,
 *   then the same renderer) next to the local path, in the same run. The charts are Chinese, so
 *   the fake and the renderer are told the server has a CJK font (else they would render locally).
 */
import { availableParallelism, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import { type ChartRenderer, DEFAULT_RENDER_SIZE, type RenderSize } from "../src/services/charts/renderer.js";
import type { ChartSpec } from "../src/services/charts/types.js";
import { chinaStats, overviewStats } from "../test/charts/fixtures.js";
import { startFakeQuickChart } from "../test/fakes/quickchart/server.js";

/** Options of the chart bench. */
export interface ChartBenchOptions {
  /** Timed renders per view and pixel ratio (after 3 untimed ones). */
  iterations?: number;
  /** Timed renders per view through QuickChart and locally for the side-by-side. */
  quickchartIterations?: number;
}

interface Timing {
  medianMs: number;
  p95Ms: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

async function time(
  renderer: ChartRenderer,
  spec: ChartSpec,
  size: RenderSize,
  iterations: number,
): Promise<Timing & { bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < 3; i++) bytes = (await renderer.render(spec, size)).length;
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await renderer.render(spec, size);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), bytes };
}

/** Runs the chart bench and returns its figures (times in ms, sizes in bytes). */
export async function benchCharts(options: ChartBenchOptions = {}): Promise<Record<string, unknown>> {
  const iterations = options.iterations ?? 40;
  const quickchartIterations = options.quickchartIterations ?? 15;
  const logger = pino({ level: "silent" });

  // Cold: the module graph, the font and Chart.js's registry are set up on first use.
  const importStarted = performance.now();
  const { createLocalChartRenderer } = await import("../src/services/charts/local-renderer.js");
  const { createQuickChartRenderer } = await import("../src/services/charts/quickchart-renderer.js");
  const { buildChartSpec, CHART_VIEWS } = await import("../src/services/charts/views.js");
  const { compareRegions } = await import("../src/services/charts/specs/compare.js");
  const importMs = performance.now() - importStarted;
  const factoryStarted = performance.now();
  const local = createLocalChartRenderer({ logger });
  const factoryMs = performance.now() - factoryStarted;
  const specs = CHART_VIEWS.map((view) => ({
    view,
    spec:
      view === "compare"
        ? buildChartSpec(view, compareRegions(overviewStats, "china", "us"), { locale: "zh-CN" })
        : buildChartSpec(view, chinaStats, { locale: "zh-CN" }),
  }));
  const firstStarted = performance.now();
  const first = specs[0];
  if (first === undefined) throw new Error("no chart views");
  await local.render(first.spec, DEFAULT_RENDER_SIZE);
  const firstRenderMs = performance.now() - firstStarted;
  const cold = {
    importMs: round(importMs),
    fontRegistrationMs: round(local.fonts.milliseconds),
    factoryMs: round(factoryMs),
    firstRenderMs: round(firstRenderMs),
    totalMs: round(importMs + factoryMs + firstRenderMs),
    fontAlreadyRegistered: local.fonts.milliseconds === 0,
  };

  const warm: Record<string, Record<string, number>> = {};
  for (const { view, spec } of specs) {
    const dpr2 = await time(local, spec, { ...DEFAULT_RENDER_SIZE, devicePixelRatio: 2 }, iterations);
    const dpr3 = await time(local, spec, { ...DEFAULT_RENDER_SIZE, devicePixelRatio: 3 }, iterations);
    warm[view] = {
      dpr2MedianMs: dpr2.medianMs,
      dpr2P95Ms: dpr2.p95Ms,
      dpr2Bytes: dpr2.bytes,
      dpr3MedianMs: dpr3.medianMs,
      dpr3P95Ms: dpr3.p95Ms,
      dpr3Bytes: dpr3.bytes,
    };
  }

  const fake = await startFakeQuickChart({ renderer: local, cjkFonts: true });
  const quickchart: Record<string, Record<string, number>> = {};
  try {
    const viaQuickChart = createQuickChartRenderer({
      baseUrl: fake.url,
      timeoutMs: 10_000,
      fallback: local,
      logger,
      cjkFonts: true,
    });
    const size = DEFAULT_RENDER_SIZE;
    for (const { view, spec } of specs) {
      // Alternate the two paths view by view so machine noise hits both alike.
      const localTiming = await time(local, spec, size, quickchartIterations);
      const remoteTiming = await time(viaQuickChart, spec, size, quickchartIterations);
      quickchart[view] = {
        localMedianMs: localTiming.medianMs,
        localP95Ms: localTiming.p95Ms,
        quickchartMedianMs: remoteTiming.medianMs,
        quickchartP95Ms: remoteTiming.p95Ms,
      };
    }
    const fallbacks = fake.requests.filter((request) => request.status !== 200).length;
    if (fallbacks > 0) throw new Error(`${fallbacks} QuickChart requests failed during the bench`);
  } finally {
    await fake.close();
  }

  return {
    environment: {
      node: process.version,
      cpus: availableParallelism(),
      // Other work on the machine skews the figures: report how busy it was.
      loadAverage1m: round(loadavg()[0] ?? Number.NaN),
      iterations,
      quickchartIterations,
    },
    cold,
    warm,
    quickchart,
  };
}

function table(rows: Record<string, Record<string, number>>): string {
  const columns = [...new Set(Object.values(rows).flatMap((row) => Object.keys(row)))];
  const header = ["view", ...columns];
  const lines = [
    header,
    ...Object.entries(rows).map(([view, row]) => [
      view,
      ...columns.map((column) => String(row[column] ?? "")),
    ]),
  ];
  const widths = header.map((_, index) => Math.max(...lines.map((line) => (line[index] ?? "").length)));
  return lines
    .map((line) => line.map((cell, index) => cell.padStart(widths[index] ?? 0)).join("  "))
    .join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchCharts();
  process.stdout.write(`environment: ${JSON.stringify(result.environment)}\n`);
  process.stdout.write(`cold start (ms): ${JSON.stringify(result.cold)}\n\n`);
  process.stdout.write(
    `warm renders at 400×400 (ms, bytes)\n${table(result.warm as Record<string, Record<string, number>>)}\n\n`,
  );
  process.stdout.write(
    `local vs QuickChart through the loopback fake, ×3 (ms)\n${table(result.quickchart as Record<string, Record<string, number>>)}\n`,
  );
}
