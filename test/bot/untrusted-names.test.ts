import { describe, expect, it } from "vitest";
import type { HubDatasetRow } from "../fixtures/generate-hub-datasets.js";
import type { HubModelRow } from "../fixtures/generate-hub-models.js";
import { allowedMentionsOf, commandHarness, contentOf, embedsOf } from "./command-harness.js";

const harness = commandHarness();
const S = 3;

/**
 * The Hub checks repo ids (letters, digits, `-`, `_`, `.`), but not the `author` it sends, and
 * `_` is Discord markdown: names built to ping or to format must come out inert.
 */
const EVIL_AUTHOR = "@everyone <@&123> **x**";
const EVIL_ID = "x__bold__/m__y__";

const evilModel: HubModelRow = {
  _id: "5f00000000000000000000aa",
  id: EVIL_ID,
  modelId: EVIL_ID,
  author: EVIL_AUTHOR,
  sha: "0".repeat(40),
  downloads: 9_000_000_000,
  downloadsAllTime: 9_500_000_000,
  likes: 99_999,
  trendingScore: 9_999,
  createdAt: "2024-01-05T10:00:00.000Z",
  lastModified: "2024-01-05T10:00:00.000Z",
  pipeline_tag: "text-generation",
  tags: ["text-generation"],
  private: false,
  gated: false,
  disabled: false,
};

const evilDataset: HubDatasetRow = {
  _id: "5f00000000000000000000bb",
  id: "d__z__/set__w__",
  author: "@here",
  sha: "0".repeat(40),
  downloads: 9_000_000_000,
  downloadsAllTime: 9_000_000_000,
  likes: 5,
  trendingScore: 1,
  createdAt: "2024-01-05T10:00:00.000Z",
  lastModified: "2024-01-05T10:00:00.000Z",
  description: "",
  tags: [],
  private: false,
  gated: false,
  disabled: false,
};

/** Nothing in the text could ping or format: no bare mention syntax, no unescaped `**` or `__`. */
function expectInert(json: unknown): void {
  expect(allowedMentionsOf(json)).toEqual({ parse: [] });
  // Link targets are URLs, where Discord formats nothing.
  const text = JSON.stringify(json)
    .replace(/\]\(https:\/\/huggingface\.co\/[^)]*\)/g, "](URL)")
    .replace(/"url":"[^"]*"/g, '"url":"URL"');
  expect(text).not.toMatch(/@everyone|@here|<@&123>/);
  expect(text).not.toContain("**x**");
  expect(text).not.toMatch(/[^\\]__bold/);
}

describe("untrusted Hub names", () => {
  it("are escaped and ping nobody in /top, /model, /org and /compare", async () => {
    const h = await harness.start({ extraModels: [evilModel], extraDatasets: [evilDataset] });
    expect((await h.services.store.latest())?.models.some((m) => m.author === EVIL_AUTHOR)).toBe(true);
    const users = Array.from({ length: 6 }, (_, i) => ({ id: `119000000000000030${i}`, username: `u${i}` }));

    const top = await h.run("top", [
      { name: "kind", type: S, value: "models" },
      { name: "sort", type: S, value: "downloads" },
    ]);
    expect(embedsOf(top.json)[0]?.description).toContain(
      "[x\\_\\_bold\\_\\_/m\\_\\_y\\_\\_](https://huggingface.co/x__bold__/m__y__)",
    );
    expectInert(top.json);

    const datasets = await h.run(
      "top",
      [
        { name: "kind", type: S, value: "datasets" },
        { name: "sort", type: S, value: "downloads" },
      ],
      { user: users[0] },
    );
    expect(embedsOf(datasets.json)[0]?.description).toContain("d\\_\\_z\\_\\_/set\\_\\_w\\_\\_");
    expectInert(datasets.json);

    const model = await h.run("model", [{ name: "id", type: S, value: EVIL_ID }], { user: users[1] });
    expect(embedsOf(model.json)[0]?.title).toBe("x\\_\\_bold\\_\\_/m\\_\\_y\\_\\_");
    expect(JSON.stringify(model.json)).toContain("@\u200beveryone <\u200b@&123> \\\\*\\\\*x\\\\*\\\\*");
    expectInert(model.json);

    const org = await h.run("org", [{ name: "name", type: S, value: EVIL_AUTHOR }], { user: users[2] });
    expect(embedsOf(org.json)[0]?.title).toBe("@\u200beveryone <\u200b@&123> \\*\\*x\\*\\* · Unattributed");
    expectInert(org.json);

    const compare = await h.run(
      "compare",
      [
        { name: "a", type: S, value: EVIL_AUTHOR },
        { name: "b", type: S, value: "Qwen" },
      ],
      { user: users[3] },
    );
    expectInert(compare.json);

    const unknown = await h.run("org", [{ name: "name", type: S, value: "@everyone <@&123> **y**" }], {
      user: users[4],
    });
    expect(contentOf(unknown.json)).toContain(
      "Did you mean **@\u200beveryone <\u200b@&123> \\*\\*x\\*\\***?",
    );
    expectInert(unknown.json);
  });

  it("are offered as plain autocomplete labels within Discord's limits", async () => {
    const h = await harness.start({ extraModels: [evilModel] });
    const outcome = await h.autocomplete("org", [{ name: "name", type: S, value: "@every", focused: true }]);
    expect((outcome.json as { choices: unknown }).choices).toEqual([
      { name: `${EVIL_AUTHOR} · Unattributed`, value: EVIL_AUTHOR },
    ]);
  });
});
