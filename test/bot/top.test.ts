import { describe, expect, it } from "vitest";
import { readPngSize } from "../../src/services/charts/png.js";
import type { ModelRecord } from "../../src/services/hub/types.js";
import { lineageIndexOf } from "../../src/services/method/lineage.js";
import {
  ackIsEphemeral,
  allowedMentionsOf,
  commandHarness,
  contentOf,
  embedsOf,
  INTERACTIONS_MODES,
  isEphemeral,
  PLAIN_CHANNEL_ID,
} from "./command-harness.js";

const S = 3; // option type: string

const opts = (values: Record<string, string>) =>
  Object.entries(values).map(([name, value]) => ({ name, type: S, value }));

/** The ids a /top answer lists, in order, from the links of its description. */
function listedIds(description: string | undefined): string[] {
  return [...(description ?? "").matchAll(/\]\(https:\/\/huggingface\.co\/(?:datasets\/)?([^)]+)\)/g)].map(
    (m) => decodeURIComponent(m[1] ?? ""),
  );
}

// Over the gateway and over the Interactions Endpoint URL alike: one router, one reply path.
describe.each(INTERACTIONS_MODES)("/top through a loopback Discord (%s)", (mode) => {
  const harness = commandHarness(mode);
  it("lists the snapshot's 10 most downloaded models with a ranking chart, pinging nobody", async () => {
    const h = await harness.start();
    const outcome = await h.run("top", opts({ kind: "models", sort: "downloads" }));

    // Ready within the budget (a stored snapshot): answered in one step, like /trends.
    expect(outcome.callbackType).toBe(4);
    const [embed] = embedsOf(outcome.json);
    expect(embed?.title).toBe("Top models by downloads");
    const snapshot = await h.services.store.latest();
    const expected = [...(snapshot?.models ?? [])]
      .sort((a, b) => b.downloads - a.downloads || a.id.localeCompare(b.id))
      .slice(0, 10)
      .map((m) => m.id);
    expect(listedIds(embed?.description)).toEqual(expected);
    expect(outcome.files[0]?.name).toBe("top-models-downloads-all-all.png");
    expect(readPngSize(outcome.files[0]?.bytes ?? new Uint8Array())).toEqual({ width: 400, height: 400 });
    expect(embed?.image?.url).toBe("attachment://top-models-downloads-all-all.png");
    expect(embed?.footer?.text).toContain("Source: Hugging Face Hub");
    expect(embed?.footer?.text).toContain(
      "30-day downloads of the top 300 models, credited to the base model's developer",
    );
    expect(allowedMentionsOf(outcome.json)).toEqual({ parse: [] });
  });

  it("filters by task and region and orders by likes or trending score", async () => {
    const h = await harness.start();
    const models = (await h.services.store.latest())?.models ?? [];
    // A model counts where its downloads are credited (the default method: its base's developer).
    const lineage = lineageIndexOf(models);
    const chinese = (m: ModelRecord) => h.services.lookup.regionOf(lineage.originOf(m)) === "china";
    const task = "text-generation";
    const likes = await h.run("top", opts({ kind: "models", sort: "likes", task, region: "cn" }));
    const [embed] = embedsOf(likes.json);
    expect(embed?.title).toBe("Top models by likes · China · Text generation");
    const listed = listedIds(embed?.description).map((id) => models.find((m) => m.id === id));
    expect(listed.length).toBeGreaterThan(0);
    for (const m of listed) expect(m?.pipelineTag === task && m !== undefined && chinese(m)).toBe(true);
    const values = listed.map((m) => m?.likes ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));

    const trending = await h.run("top", opts({ kind: "models", sort: "trending" }), {
      user: { id: "1190000000000000201", username: "grace" },
    });
    const ids = listedIds(embedsOf(trending.json)[0]?.description);
    const scores = ids.map((id) => models.find((m) => m.id === id)?.trendingScore ?? -1);
    const best = Math.max(...models.map((m) => m.trendingScore ?? -1));
    expect(scores[0]).toBe(best);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("titles the answer in Chinese for a zh-CN user", async () => {
    const h = await harness.start();
    const outcome = await h.run("top", opts({ kind: "models", sort: "downloads", region: "us" }), {
      locale: "zh-CN",
    });
    expect(embedsOf(outcome.json)[0]?.title).toBe("下载量最高的模型 · 美国");
  });

  it("lists datasets live from the Hub, once per cache lifetime, and says the list is live", async () => {
    const h = await harness.start();
    const before = h.hub.requests.filter((r) => r.path === "/api/datasets").length;
    const first = await h.run("top", opts({ kind: "datasets", sort: "downloads" }));
    const [embed] = embedsOf(first.json);
    expect(embed?.title).toBe("Top datasets by downloads");
    expect(listedIds(embed?.description)).toHaveLength(10);
    expect(embed?.description).toContain("](https://huggingface.co/datasets/");
    expect(embed?.footer?.text).toMatch(
      /^Source: Hugging Face Hub · read live \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );
    expect(first.files[0]?.name).toBe("top-datasets-downloads.png");
    await h.run("top", opts({ kind: "datasets", sort: "downloads" }), {
      user: { id: "1190000000000000201", username: "grace" },
    });
    expect(h.hub.requests.filter((r) => r.path === "/api/datasets").length - before).toBe(1);
  });

  it("says how old the dataset list is when the Hub fails after the list expired", async () => {
    const h = await harness.start({ env: { CACHE_TTL_SECONDS: "1" } });
    await h.run("top", opts({ kind: "datasets", sort: "likes" }));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    h.hub.setFault({ kind: "500" });
    const stale = await h.run("top", opts({ kind: "datasets", sort: "likes" }), {
      user: { id: "1190000000000000201", username: "grace" },
    });
    expect(embedsOf(stale.json)[0]?.footer?.text).toMatch(
      /list is \d+ min old: the Hub could not be reached$/,
    );
  });

  it("says the Hub can't be reached when there is no dataset list to fall back on", async () => {
    const h = await harness.start();
    h.hub.setFault({ kind: "500" });
    const outcome = await h.run("top", opts({ kind: "datasets", sort: "trending" }));
    expect(contentOf(outcome.json)).toBe(
      "The Hugging Face Hub can't be reached right now, so I can't read the top datasets. Please try again in a few minutes.",
    );
  });

  it("refuses task and region filters for datasets, ephemerally and without using up the cooldown", async () => {
    const h = await harness.start();
    const filters: Record<string, string>[] = [{ task: "text-generation" }, { region: "china" }];
    for (const extra of filters) {
      const outcome = await h.run("top", opts({ kind: "datasets", sort: "likes", ...extra }));
      expect(outcome.callbackType).toBe(4);
      expect(isEphemeral(outcome.json)).toBe(true);
      expect(contentOf(outcome.json)).toContain("The task and region filters apply to models only");
    }
    const after = await h.run("top", opts({ kind: "datasets", sort: "likes" }));
    expect(embedsOf(after.json)).toHaveLength(1);
  });

  it("refuses an unknown task with a guess, and an unknown region with the valid list", async () => {
    const h = await harness.start();
    const task = await h.run("top", opts({ kind: "models", sort: "likes", task: "text-generaton" }));
    expect(isEphemeral(task.json)).toBe(true);
    expect(contentOf(task.json)).toContain(
      'No model in the newest snapshot has the task "text-generaton". Did you mean **text-generation**?',
    );
    const region = await h.run("top", opts({ kind: "models", sort: "likes", region: "mars" }));
    expect(isEphemeral(region.json)).toBe(true);
    expect(contentOf(region.json)).toContain("Valid regions: china, us, europe, asia, other");
  });

  it("says so when no model matches a task and region together", async () => {
    const h = await harness.start();
    const models = (await h.services.store.latest())?.models ?? [];
    const tasks = [...new Set(models.map((m) => m.pipelineTag).filter((t): t is string => t !== null))];
    const regions = ["china", "us", "europe", "asia", "other"] as const;
    const lineage = lineageIndexOf(models);
    const empty = tasks
      .flatMap((task) => regions.map((region) => ({ task, region })))
      .find(
        ({ task, region }) =>
          !models.some(
            (m) => m.pipelineTag === task && h.services.lookup.regionOf(lineage.originOf(m)) === region,
          ),
      );
    if (empty === undefined) throw new Error("the fixture has every task in every region");
    const outcome = await h.run("top", opts({ kind: "models", sort: "downloads", ...empty }));
    expect(ackIsEphemeral(h, outcome.timings.interactionId)).toBe(true);
    expect(contentOf(outcome.json)).toMatch(
      /^No model in the newest snapshot matches task .+ and region \w+\./,
    );
  });

  it("names the missing permissions in a channel where it cannot attach charts", async () => {
    const h = await harness.start();
    const outcome = await h.run("top", opts({ kind: "models", sort: "likes" }), {
      channelId: PLAIN_CHANNEL_ID,
    });
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toContain("missing the Embed Links and Attach Files permissions");
  });

  it("suggests the snapshot's tasks and the regions in autocomplete, quickly", async () => {
    const h = await harness.start();
    const task = await h.autocomplete("top", [
      { name: "kind", type: S, value: "models" },
      { name: "task", type: S, value: "text", focused: true },
    ]);
    expect(task.callbackType).toBe(8);
    const choices = (task.json as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices).toContainEqual({ name: "Text generation (text-generation)", value: "text-generation" });
    expect(task.timings.finalAt - task.timings.dispatchedAt).toBeLessThan(100);
    const region = await h.autocomplete("top", [{ name: "region", type: S, value: "eu", focused: true }]);
    expect((region.json as { choices: unknown }).choices).toEqual([{ name: "Europe", value: "europe" }]);
  });
});
