import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createChartRenderer } from "../../src/services/charts/create-renderer.js";
import { CHART_FONT_STACK } from "../../src/services/charts/fonts.js";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import { DARK_THEME } from "../../src/services/charts/palette.js";
import { readPngSize } from "../../src/services/charts/png.js";
import { createQuickChartRenderer, hasCjkText } from "../../src/services/charts/quickchart-renderer.js";
import type { ChartRenderer, RenderSize } from "../../src/services/charts/renderer.js";
import type { ChartSpec } from "../../src/services/charts/types.js";
import { buildChartSpec } from "../../src/services/charts/views.js";
import type { FakeQuickChart } from "../fakes/quickchart/server.js";
import { startFakeQuickChart } from "../fakes/quickchart/server.js";
import { chinaStats } from "./fixtures.js";
import { capturingLogger } from "./log-capture.js";
import { decodePng } from "./pixels.js";

const silent = pino({ level: "silent" });
const local = createLocalChartRenderer({ logger: silent });
const spec = buildChartSpec("regions", chinaStats, { locale: "en-US" });
const chinese = buildChartSpec("regions", chinaStats, { locale: "zh-CN" });

/** The local renderer, counting how often it is asked: the fallback. */
function countingFallback(): ChartRenderer & { calls: number } {
  const fallback = {
    calls: 0,
    render(config: ChartSpec, size?: Partial<RenderSize>) {
      fallback.calls += 1;
      return local.render(config, size);
    },
  };
  return fallback;
}

function warnings(records: Record<string, unknown>[]): Record<string, unknown>[] {
  return records.filter((record) => record.level === 40);
}

let fake: FakeQuickChart;

beforeAll(async () => {
  fake = await startFakeQuickChart();
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.setFault(null);
  fake.requests.length = 0;
});

describe("QuickChart renderer", () => {
  it("posts the spec as a Chart.js 4 request and returns QuickChart's PNG", async () => {
    const fallback = countingFallback();
    const { logger, records } = capturingLogger();
    const renderer = createQuickChartRenderer({ baseUrl: fake.url, fallback, logger });
    const png = await renderer.render(spec);
    expect(fallback.calls).toBe(0);
    expect(warnings(records)).toEqual([]);
    expect(readPngSize(png)).toEqual({ width: 1200, height: 1200 });

    const [request] = fake.requests;
    expect(request?.status).toBe(200);
    expect(request?.path).toBe("/chart");
    expect(request?.contentType).toBe("application/json");
    expect(request?.body).toMatchObject({
      width: 400,
      height: 400,
      devicePixelRatio: 3,
      version: "4",
      format: "png",
      backgroundColor: DARK_THEME.background,
    });
    // What QuickChart parsed is the spec itself: nothing lost in the JavaScript-text encoding.
    expect(request?.chart).toStrictEqual(JSON.parse(JSON.stringify(spec)));
    // Same config, same renderer behind the fake: the same picture as the local path.
    const localPixels = await decodePng(await local.render(spec));
    expect(Buffer.from((await decodePng(png)).data).equals(Buffer.from(localPixels.data))).toBe(true);
  });

  it("passes the render size through", async () => {
    const renderer = createQuickChartRenderer({
      baseUrl: fake.url,
      fallback: countingFallback(),
      logger: silent,
    });
    const png = await renderer.render(spec, { width: 600, height: 300, devicePixelRatio: 1 });
    expect(readPngSize(png)).toEqual({ width: 600, height: 300 });
    expect(fake.requests[0]?.body).toMatchObject({ width: 600, height: 300, devicePixelRatio: 1 });
  });

  it("renders locally and logs a warning with the status when QuickChart answers 500", async () => {
    fake.setFault({ kind: "status", status: 500 });
    const fallback = countingFallback();
    const { logger, records } = capturingLogger();
    const renderer = createQuickChartRenderer({ baseUrl: fake.url, fallback, logger });
    const png = await renderer.render(spec);
    expect(readPngSize(png)).toEqual({ width: 1200, height: 1200 });
    expect(fallback.calls).toBe(1);
    expect(fake.requests).toHaveLength(1);
    const [warning] = warnings(records);
    expect(warning).toMatchObject({ status: 500, url: `${fake.url}/chart` });
    expect(String(warning?.reason)).toBe("HTTP 500: injected fault");
  });

  it("gives up at the timeout, aborts the request, and renders locally with a warning", async () => {
    fake.setFault({ kind: "slow", delayMs: 5000 });
    const fallback = countingFallback();
    const { logger, records } = capturingLogger();
    const renderer = createQuickChartRenderer({ baseUrl: fake.url, timeoutMs: 300, fallback, logger });
    const started = performance.now();
    const png = await renderer.render(spec);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(readPngSize(png)).toEqual({ width: 1200, height: 1200 });
    expect(fallback.calls).toBe(1);
    expect(String(warnings(records)[0]?.reason)).toBe("no answer within 300 ms");
    // The fake sees the client hang up: the request was cancelled, not left running.
    await fake.idle();
    expect(fake.requests[0]?.aborted).toBe(true);
  });

  it("renders locally when QuickChart answers 200 with something that is not a PNG", async () => {
    fake.setFault({ kind: "not-png" });
    const fallback = countingFallback();
    const { logger, records } = capturingLogger();
    const renderer = createQuickChartRenderer({ baseUrl: fake.url, fallback, logger });
    await renderer.render(spec);
    expect(fallback.calls).toBe(1);
    expect(String(warnings(records)[0]?.reason)).toMatch(/^answer is not a PNG \(text\/html, \d+ bytes\)$/);
  });

  it("renders locally when nothing listens at the URL", async () => {
    const gone = await startFakeQuickChart({ renderer: local });
    await gone.close();
    const fallback = countingFallback();
    const { logger, records } = capturingLogger();
    const renderer = createQuickChartRenderer({ baseUrl: gone.url, fallback, logger });
    await renderer.render(spec);
    expect(fallback.calls).toBe(1);
    expect(String(warnings(records)[0]?.reason)).toContain("ECONNREFUSED");
  });

  it("goes back to QuickChart once it recovers", async () => {
    fake.setFault({ kind: "status", status: 503 }, 1);
    const fallback = countingFallback();
    const renderer = createQuickChartRenderer({ baseUrl: fake.url, fallback, logger: silent });
    await renderer.render(spec);
    await renderer.render(spec);
    expect(fallback.calls).toBe(1);
    expect(fake.requests.map((request) => request.status)).toEqual([503, 200]);
  });

  it("keeps a path prefix of the base URL", async () => {
    const fallback = countingFallback();
    const renderer = createQuickChartRenderer({ baseUrl: `${fake.url}/qc/`, fallback, logger: silent });
    await renderer.render(spec);
    expect(fake.requests[0]?.path).toBe("/qc/chart");
  });

  it("refuses a base URL that is not http(s) and a timeout that is not positive", () => {
    const fallback = countingFallback();
    expect(() => createQuickChartRenderer({ baseUrl: "quickchart.io", fallback, logger: silent })).toThrow(
      RangeError,
    );
    expect(() =>
      createQuickChartRenderer({ baseUrl: "ftp://quickchart.io", fallback, logger: silent }),
    ).toThrow(RangeError);
    expect(() =>
      createQuickChartRenderer({ baseUrl: fake.url, timeoutMs: 0, fallback, logger: silent }),
    ).toThrow(RangeError);
  });
});

describe("Chinese charts and QuickChart's fonts", () => {
  it("is what happens without a CJK font: QuickChart answers 200 and draws boxes", async () => {
    // The operator says the server has CJK fonts, but this one (like QuickChart's image) has none.
    const renderer = createQuickChartRenderer({
      baseUrl: fake.url,
      fallback: local,
      logger: silent,
      cjkFonts: true,
    });
    const png = await renderer.render(chinese);
    const [request] = fake.requests;
    expect(request?.status).toBe(200);
    expect(request?.tofu).toBe(true);
    const real = await decodePng(await local.render(chinese));
    expect(Buffer.from((await decodePng(png)).data).equals(Buffer.from(real.data))).toBe(false);
  });

  it("draws a Chinese chart locally unless the server is said to have a CJK font, and says why at start", async () => {
    const fallback = countingFallback();
    const { logger, records } = capturingLogger();
    const renderer = createQuickChartRenderer({ baseUrl: fake.url, fallback, logger });
    const png = await renderer.render(chinese);
    expect(fake.requests).toEqual([]);
    expect(fallback.calls).toBe(1);
    const real = await decodePng(await local.render(chinese));
    expect(Buffer.from((await decodePng(png)).data).equals(Buffer.from(real.data))).toBe(true);
    expect(records.map((record) => record.msg)).toContain(
      "charts with Chinese (CJK) text are drawn locally: set QUICKCHART_CJK_FONTS=true if this QuickChart server has a CJK font",
    );
    // An English chart still goes to QuickChart.
    await renderer.render(spec);
    expect(fake.requests.map((request) => request.status)).toEqual([200]);
  });

  it("sends a Chinese chart to a server with a CJK font, naming the font family in every font", async () => {
    const withFonts = await startFakeQuickChart({ cjkFonts: true });
    try {
      const fallback = countingFallback();
      const renderer = createQuickChartRenderer({
        baseUrl: withFonts.url,
        fallback,
        logger: silent,
        cjkFonts: true,
      });
      const png = await renderer.render(chinese);
      expect(fallback.calls).toBe(0);
      const [request] = withFonts.requests;
      expect(request?.tofu).toBe(false);
      expect(request?.fontFamilies.length).toBeGreaterThan(3);
      expect(new Set(request?.fontFamilies)).toEqual(new Set([CHART_FONT_STACK]));
      const real = await decodePng(await local.render(chinese));
      expect(Buffer.from((await decodePng(png)).data).equals(Buffer.from(real.data))).toBe(true);
    } finally {
      await withFonts.close();
    }
  });

  it("finds CJK text anywhere in a spec: an English chart naming a Chinese organisation counts", () => {
    expect(hasCjkText(spec)).toBe(false);
    expect(hasCjkText(chinese)).toBe(true);
    const named = structuredClone(spec);
    named.data.labels = ["智谱 12.3%"];
    expect(hasCjkText(named)).toBe(true);
  });
});

describe("createChartRenderer", () => {
  it("renders in-process for kind local, without any request", async () => {
    const renderer = createChartRenderer({
      kind: "local",
      logger: silent,
      defaults: { devicePixelRatio: 1 },
    });
    expect(readPngSize(await renderer.render(spec))).toEqual({ width: 400, height: 400 });
    expect(fake.requests).toEqual([]);
  });

  it("renders through the configured QuickChart for kind quickchart", async () => {
    const renderer = createChartRenderer({
      kind: "quickchart",
      quickchartUrl: fake.url,
      timeoutMs: 2000,
      logger: silent,
    });
    expect(readPngSize(await renderer.render(spec))).toEqual({ width: 1200, height: 1200 });
    expect(fake.requests.map((request) => request.status)).toEqual([200]);
  });
});
