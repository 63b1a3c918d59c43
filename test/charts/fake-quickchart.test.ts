import quickChartModule from "quickchart-js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readPngSize } from "../../src/services/charts/png.js";
import { buildChartSpec } from "../../src/services/charts/views.js";
import type { FakeQuickChart } from "../fakes/quickchart/server.js";
import { startFakeQuickChart } from "../fakes/quickchart/server.js";
import { overviewStats } from "./fixtures.js";
import { decodePng, distinctColors } from "./pixels.js";

// Types see quickchart-js as CommonJS (class under `.default`), Node loads its ESM build (class as
// the default export); see src/services/charts/quickchart-renderer.ts.
const QuickChart: typeof quickChartModule.default =
  "default" in quickChartModule ? quickChartModule.default : quickChartModule;

const spec = buildChartSpec("orgs", overviewStats, { locale: "en-US" });
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

function client(): InstanceType<typeof QuickChart> {
  const url = new URL(fake.url);
  return new QuickChart()
    .setScheme("http")
    .setHost(url.host)
    .setConfig(JSON.stringify(spec))
    .setWidth(800)
    .setHeight(400);
}

async function post(body: unknown, contentType = "application/json"): Promise<Response> {
  return fetch(`${fake.url}/chart`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("fake QuickChart", () => {
  it("answers quickchart-js's own toBinary() with a real chart", async () => {
    const png = await client()
      .setVersion("4")
      .setDevicePixelRatio(1)
      .setBackgroundColor("#2b2d31")
      .toBinary();
    expect(readPngSize(png)).toEqual({ width: 800, height: 400 });
    expect(distinctColors(await decodePng(png))).toBeGreaterThan(100);
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/chart", status: 200, aborted: false });
  });

  it("refuses a request left at quickchart-js's default Chart.js 2.9.4, as that would misdraw a v4 config", async () => {
    await expect(client().toBinary()).rejects.toThrow(
      /status code 400\nthis config needs Chart.js 4.*2\.9\.4/,
    );
    expect(fake.requests[0]?.status).toBe(400);
  });

  it("refuses a request without a chart, naming what is missing", async () => {
    const response = await post({ width: 800, height: 400, version: "4" });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-quickchart-error")).toBe("You are missing variable `c` or `chart`");
  });

  it("refuses a chart that does not parse as a JavaScript object", async () => {
    const response = await post({ chart: "{type:'bar',data:{labels:[", version: "4" });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-quickchart-error")).toMatch(/^Invalid chart: /);
  });

  it("accepts the chart as an object too, as QuickChart does", async () => {
    const response = await post({
      chart: JSON.parse(JSON.stringify(spec)),
      version: "4",
      width: 300,
      height: 150,
    });
    expect(response.status).toBe(200);
    expect(readPngSize(Buffer.from(await response.arrayBuffer()))).toEqual({ width: 300, height: 150 });
  });

  it("refuses a body that is not JSON, formats other than png, and sizes out of range", async () => {
    expect((await post("chart=x", "application/x-www-form-urlencoded")).status).toBe(400);
    expect(
      (await post({ chart: "{type:'bar',data:{datasets:[]}}", version: "4", format: "svg" })).status,
    ).toBe(400);
    expect((await post({ chart: "{type:'bar',data:{datasets:[]}}", version: "4", width: -5 })).status).toBe(
      400,
    );
  });

  it("serves POST /chart only", async () => {
    expect((await fetch(`${fake.url}/chart?c={}`)).status).toBe(405);
    expect((await fetch(`${fake.url}/other`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("applies a fault to the given number of requests, then answers normally", async () => {
    fake.setFault({ kind: "status", status: 502 }, 1);
    await expect(client().setVersion("4").toBinary()).rejects.toThrow(/status code 502/);
    const png = await client().setVersion("4").toBinary();
    expect(readPngSize(png)).not.toBeNull();
    expect(fake.requests.map((request) => [request.status, request.fault])).toEqual([
      [502, "status"],
      [200, undefined],
    ]);
  });
});
