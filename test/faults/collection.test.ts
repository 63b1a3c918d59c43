import { describe, expect, it } from "vitest";
import { isSqlite } from "../../src/services/storage/sqlite.js";
import { botHarness, contentOf, embedsOf } from "../bot/harness.js";

const harness = botHarness();
const HOUR = 3_600_000;

/** What `/trends` answers now: its footer and the model count of the snapshot it used. */
async function trendsFooter(h: Awaited<ReturnType<typeof harness.start>>): Promise<string> {
  const outcome = await h.run("trends");
  return embedsOf(outcome.json)[0]?.footer?.text ?? "";
}

describe("a collection whose result is implausible", () => {
  it("is refused when the Hub answers 200 [] to every list: the last good snapshot keeps serving, with its age and why", async () => {
    const h = await harness.start();
    const good = await h.services.collector.collect();
    h.clock.advance(7 * HOUR);
    h.hub.setFault({ kind: "empty-lists" });
    await h.bot.collectionTick();

    expect((await h.services.store.newestMeta())?.id).toBe(good.snapshot.id);
    const refused = h.logs.filter((line) => line.level === 50);
    expect(refused.map((line) => line.msg)).toEqual([
      "collection refused, keeping the last good snapshot: 0 models, far fewer than the 300 asked for (at least 150 expected); total downloads fell to 0% of the previous snapshot's",
    ]);
    expect(await trendsFooter(h)).toContain(
      "data is 7 h old: the Hub's latest answer looked wrong and was not used, retrying",
    );
    const { stats } = await h.services.trends.stats({ region: null, windowWeeks: 1 });
    expect(stats.asOf).toBe(good.snapshot.takenAt);
  });

  it("is refused when every record fails validation (a renamed field), and retried later", async () => {
    const h = await harness.start();
    const good = await h.services.collector.collect();
    h.clock.advance(7 * HOUR);
    h.hub.setFault({ kind: "renamed-field", from: "downloads", to: "downloadCount" });
    await h.bot.collectionTick();
    expect((await h.services.store.newestMeta())?.id).toBe(good.snapshot.id);
    const [refused] = h.logs.filter((line) => line.level === 50);
    expect(refused?.msg).toMatch(/^collection refused, keeping the last good snapshot: 0 models, far fewer/);
    expect(refused?.msg).toMatch(/; \d+ of \d+ records failed validation \(100%; at most 20% expected\)/);

    h.hub.setFault(null);
    h.clock.advance(10 * 60_000);
    await h.bot.collectionTick();
    expect((await h.services.store.newestMeta())?.id).toBeGreaterThan(good.snapshot.id);
    expect(await trendsFooter(h)).not.toContain("data is");
  });
});

describe("nothing stored and the Hub's answer refused", () => {
  it("says the Hub's answer looked wrong, not that it cannot be reached", async () => {
    const h = await harness.start({ hubFault: { kind: "empty-lists" } });
    await h.bot.collectionTick();
    const outcome = await h.run("trends");
    expect(contentOf(outcome.json)).toMatch(
      /^The Hugging Face Hub's answer looked wrong \(far fewer models than usual\), so I did not use it, and I have no stored data yet\. I'll try again <t:\d+:R>\.$/,
    );
    expect(await h.services.store.newestMeta()).toBeNull();
  });
});

describe("a collection that cannot be saved", () => {
  it("blames the disk, not the Hub, in the stale-data note when the disk is full", async () => {
    const h = await harness.start({ databaseFile: true });
    await h.services.collector.collect();
    h.clock.advance(7 * HOUR);
    // SQLite answers SQLITE_FULL once the file may not grow: what a full disk looks like to it.
    const { database } = h.services;
    if (!isSqlite(database)) throw new Error("a test of the SQLite file");
    database.connection.pragma(
      `max_page_count = ${database.connection.pragma("page_count", { simple: true })}`,
    );
    await h.bot.collectionTick();
    expect(await trendsFooter(h)).toContain(
      "data is 7 h old: new data could not be saved (the bot's disk is full or read-only), retrying",
    );
  });
});
