import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeHub, startFakeHub } from "../fakes/hub/fake-hub.js";
import { generateHubDatasets } from "../fixtures/generate-hub-datasets.js";
import { generateHubModels } from "../fixtures/generate-hub-models.js";

/**
 * The fake must refuse what the Hub refuses, or the client tests prove nothing. These pin down
 * the parts of the wire format the client relies on.
 */
const now = new Date("2026-05-04T00:00:00.000Z");
const { rows } = generateHubModels({ count: 2300, now, seed: 5 });
const datasets = generateHubDatasets({ count: 40, now }).rows;
let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub({ models: rows, datasets, defaultPageSize: 1000, maxPageSize: 1000 });
});
afterAll(() => hub.close());

async function get(path: string): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${hub.url}${path}`);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

function nextLink(headers: Headers): string | undefined {
  // The library's own pattern (parseLinkHeader): absolute http(s) URL, a space after `;`.
  return /<(https?:[/][/][^>]+)>;\s+rel="next"/.exec(headers.get("link") ?? "")?.[1];
}

describe("fake Hub", () => {
  it.each([
    ["/api/models?sort=trending", '"sort" must be one of'],
    ["/api/models?sort=download", '"sort" must be one of'],
    ["/api/models?direction=desc", '"direction"'],
    ["/api/models?limit=-5", '"limit"'],
    ["/api/models?skip=10", "Invalid query parameter: skip"],
    ["/api/models?expand=everything", '"expand[0]" must be one of'],
    ["/api/models?cursor=bm90LWEtY3Vyc29y", "Invalid cursor"],
    ["/api/datasets?pipeline_tag=robotics", "Invalid query parameter: pipeline_tag"],
    ["/api/models/Qwen/Qwen3-8B/revision/HEAD?full=true", "Invalid query parameter: full"],
  ])("answers 400 with a JSON error to %s", async (path, message) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body).toEqual({ error: expect.stringContaining(message) });
  });

  it("answers 404 with a JSON error to an unknown path, with a request id like every answer", async () => {
    const missing = await get("/api/modelz");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: expect.any(String) });
    const ok = await get("/api/models?limit=1");
    const ids = [missing.headers.get("x-request-id"), ok.headers.get("x-request-id")];
    expect(ids[0]).toMatch(/^Root=1-/);
    expect(ids[1]).toMatch(/^Root=1-/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("sends only _id, id and the expanded fields, for expand and expand[] alike", async () => {
    for (const key of ["expand", "expand[]"]) {
      const { body } = await get(`/api/models?limit=3&${key}=downloads&${key}=author`);
      expect(body).toHaveLength(3);
      for (const item of body as Record<string, unknown>[]) {
        expect(Object.keys(item).sort()).toEqual(["_id", "author", "downloads", "id"]);
      }
    }
  });

  it("sends the Hub's default fields without expand, and everything with full=true", async () => {
    const plain = (await get("/api/models?limit=50")).body as Record<string, unknown>[];
    expect(plain.some((item) => "author" in item || "lastModified" in item)).toBe(false);
    expect(plain.every((item) => "trendingScore" in item && "modelId" in item)).toBe(true);
    const full = (await get("/api/models?limit=50&full=true")).body as Record<string, unknown>[];
    expect(full.every((item) => "author" in item && "lastModified" in item && "sha" in item)).toBe(true);
  });

  it("pages with an absolute Link until every row was sent once, in sort order", async () => {
    let url: string | undefined = `${hub.url}/api/models?limit=700&sort=downloads&expand=downloads`;
    const seen: { id: string; downloads: number }[] = [];
    let pages = 0;
    while (url) {
      const response: Response = await fetch(url);
      seen.push(...((await response.json()) as { id: string; downloads: number }[]));
      url = nextLink(response.headers);
      pages++;
    }
    expect(pages).toBe(4);
    expect(new Set(seen.map((m) => m.id)).size).toBe(rows.length);
    const downloads = seen.map((m) => m.downloads);
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));
  });

  it("caps a page at 1,000 and uses the default page size when limit is absent", async () => {
    expect((await get("/api/models?limit=5000")).body).toHaveLength(1000);
    const noLimit = await get("/api/models");
    expect(noLimit.body).toHaveLength(1000);
    expect(nextLink(noLimit.headers)).toContain("cursor=");
  });

  it("filters by author, search, pipeline_tag and tags, and sorts ascending with direction=1", async () => {
    const byAuthor = (await get("/api/models?author=qwen&limit=1000&expand=author")).body as { id: string }[];
    expect(byAuthor.length).toBeGreaterThan(0);
    expect(byAuthor.every((m) => m.id.startsWith("Qwen/"))).toBe(true);
    const robotics = (await get("/api/models?pipeline_tag=robotics&filter=lerobot&limit=1000")).body as {
      pipeline_tag: string;
      tags: string[];
    }[];
    expect(robotics.length).toBeGreaterThan(0);
    expect(robotics.every((m) => m.pipeline_tag === "robotics" && m.tags.includes("lerobot"))).toBe(true);
    const search = (await get("/api/models?search=CODER&limit=1000")).body as { id: string }[];
    expect(search.length).toBeGreaterThan(0);
    expect(search.every((m) => m.id.toLowerCase().includes("coder"))).toBe(true);
    const ascending = (await get("/api/models?sort=likes&direction=1&limit=20&expand=likes")).body as {
      likes: number;
    }[];
    const likes = ascending.map((m) => m.likes);
    expect(likes).toEqual([...likes].sort((a, b) => a - b));
  });

  it("serves one model by plain and URL-encoded repo id, and 404s an unknown one as the Hub does", async () => {
    const id = rows[0]?.id ?? "";
    const plain = await get(`/api/models/${id}/revision/HEAD?expand=downloads`);
    expect(plain.body).toEqual({ _id: rows[0]?._id, id, downloads: rows[0]?.downloads });
    const encoded = await get(`/api/models/${encodeURIComponent(id)}/revision/HEAD`);
    expect(encoded.body).toMatchObject({ id, author: rows[0]?.author });
    const missing = await get("/api/models/nobody/nothing/revision/HEAD");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: "Repository not found" });
    expect(missing.headers.get("x-error-code")).toBe("RepoNotFound");
  });

  it("serves datasets sorted by likes", async () => {
    const { body } = await get("/api/datasets?sort=likes&limit=10&expand=likes");
    const likes = (body as { likes: number }[]).map((d) => d.likes);
    expect(likes).toEqual(
      [...datasets]
        .map((d) => d.likes)
        .sort((a, b) => b - a)
        .slice(0, 10),
    );
  });

  it("sends the Hub's rate-limit headers with a 429 and resumes after `times` faults", async () => {
    hub.setFault({ kind: "429", retryAfterSeconds: 9, times: 2 });
    const first = await get("/api/models?limit=1");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("9");
    expect(first.headers.get("ratelimit")).toBe('"api";r=0;t=9');
    expect(first.headers.get("ratelimit-policy")).toBe('"fixed window";"api";q=500;w=300');
    expect((await get("/api/models?limit=1")).status).toBe(429);
    expect((await get("/api/models?limit=1")).status).toBe(200);
  });

  it("answers every list with 200 [] and no next page under empty-lists, but still serves one model", async () => {
    hub.setFault({ kind: "empty-lists" });
    const listed = await get("/api/models?limit=5");
    expect(listed).toMatchObject({ status: 200, body: [] });
    expect(listed.headers.get("link")).toBeNull();
    const one = rows[0]?.id;
    expect((await get(`/api/models/${String(one)}`)).status).toBe(200);
    hub.setFault(null);
  });

  it("renames a field of every listed record under renamed-field", async () => {
    hub.setFault({ kind: "renamed-field", from: "downloads", to: "downloadCount" });
    const { body } = await get("/api/models?limit=3&expand=downloads");
    hub.setFault(null);
    expect(body).toHaveLength(3);
    for (const row of body as Record<string, unknown>[]) {
      expect(row).not.toHaveProperty("downloads");
      expect(typeof row.downloadCount).toBe("number");
    }
  });
});
