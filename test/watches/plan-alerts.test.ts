import { describe, expect, it } from "vitest";
import type { Alert } from "../../src/services/watches/alert-log.js";
import { planOrgPoll, snapshotViewOf } from "../../src/services/watches/plan-alerts.js";
import type { Watch } from "../../src/services/watches/watch-settings.js";
import { model } from "../stats/builders.js";
import { newWatch } from "./watch-inputs.js";

const CREATED = "2026-11-20T10:00:00.000Z";

function watch(overrides: Partial<Watch> = {}): Watch {
  return {
    id: 1,
    ...newWatch(),
    createdAt: CREATED,
    baselineDone: true,
    lastAlertAt: null,
    pausedReason: null,
    lastError: null,
    lastErrorAt: null,
    ...overrides,
  };
}

function row(overrides: Partial<Alert> & Pick<Alert, "modelId" | "status">): Alert {
  return {
    watchId: 1,
    kind: "new",
    nonce: null,
    seenAt: CREATED,
    claimedAt: null,
    postedAt: null,
    messageId: null,
    attempts: 0,
    nextAttemptAt: null,
    error: null,
    model: null,
    ...overrides,
  };
}

const fresh = model({ id: "Qwen/Qwen4-8B", createdAt: "2026-11-21T00:00:00.000Z", downloads: 40 });
const old = model({ id: "Qwen/Qwen2-7B", createdAt: "2025-01-01T00:00:00.000Z", downloads: 9000 });
const none = snapshotViewOf(null);

describe("planOrgPoll", () => {
  it("records the baseline on a watch's first poll and alerts nothing, trending milestones included", () => {
    const trendy = model({ id: "Qwen/Hit", trendingRank: 3 });
    const [plan] = planOrgPoll({
      org: "Qwen",
      watches: [watch({ baselineDone: false })],
      listed: [fresh, old],
      snapshot: snapshotViewOf([trendy]),
      known: [],
    });
    expect(plan).toEqual({
      kind: "baseline",
      watch: expect.objectContaining({ id: 1 }),
      entries: [
        { modelId: "Qwen/Qwen4-8B", kind: "new" },
        { modelId: "Qwen/Qwen2-7B", kind: "new" },
        { modelId: "Qwen/Hit", kind: "milestone" },
      ],
    });
  });

  it("posts a model new since the baseline, and never one that already has a row", () => {
    const plans = planOrgPoll({
      org: "Qwen",
      watches: [watch()],
      listed: [fresh, model({ id: "Qwen/Seen", createdAt: "2026-11-22T00:00:00.000Z" })],
      snapshot: none,
      known: [row({ modelId: "Qwen/Seen", status: "posted" })],
    });
    expect(plans[0]).toMatchObject({
      kind: "alerts",
      holds: [],
      posts: [{ key: { modelId: "Qwen/Qwen4-8B", kind: "new" } }],
    });
  });

  it("ignores an old model that slides into the newest list (created over a day before the watch)", () => {
    const plans = planOrgPoll({ org: "Qwen", watches: [watch()], listed: [old], snapshot: none, known: [] });
    expect(plans[0]).toMatchObject({ holds: [], posts: [] });
  });

  it("holds a model under min-downloads, then releases the held row once it passes", () => {
    const strict = watch({ minDownloads: 100 });
    const first = planOrgPoll({ org: "Qwen", watches: [strict], listed: [fresh], snapshot: none, known: [] });
    expect(first[0]).toMatchObject({ holds: [{ modelId: "Qwen/Qwen4-8B" }], posts: [] });
    const held = row({ modelId: "Qwen/Qwen4-8B", status: "held" });
    const still = planOrgPoll({
      org: "Qwen",
      watches: [strict],
      listed: [fresh],
      snapshot: none,
      known: [held],
    });
    expect(still[0]).toMatchObject({ holds: [], posts: [] });
    const grown = { ...fresh, downloads: 150 };
    const later = planOrgPoll({
      org: "Qwen",
      watches: [strict],
      listed: [grown],
      snapshot: none,
      known: [held],
    });
    expect(later[0]).toMatchObject({ posts: [{ key: { modelId: "Qwen/Qwen4-8B" }, held, model: grown }] });
  });

  it("releases a held model that left the newest list when the snapshot shows it past the bar", () => {
    const strict = watch({ minDownloads: 100 });
    const held = row({ modelId: "Qwen/Qwen4-8B", status: "held" });
    const snapshot = snapshotViewOf([{ ...fresh, downloads: 5000 }]);
    const plans = planOrgPoll({ org: "Qwen", watches: [strict], listed: [], snapshot, known: [held] });
    expect(plans[0]).toMatchObject({ posts: [{ key: { modelId: "Qwen/Qwen4-8B" }, held }] });
  });

  it("posts a milestone once per model entering the trending top 20, for the watched org only", () => {
    const snapshot = snapshotViewOf([
      model({ id: "qwen/Hit", trendingRank: 12 }),
      model({ id: "Qwen/Near", trendingRank: 21 }),
      model({ id: "deepseek-ai/R9", trendingRank: 1 }),
    ]);
    const plans = planOrgPoll({ org: "Qwen", watches: [watch()], listed: [], snapshot, known: [] });
    expect(plans[0]).toMatchObject({ posts: [{ key: { modelId: "qwen/Hit", kind: "milestone" } }] });
    const again = planOrgPoll({
      org: "Qwen",
      watches: [watch()],
      listed: [],
      snapshot,
      known: [row({ modelId: "qwen/Hit", kind: "milestone", status: "posted" })],
    });
    expect(again[0]).toMatchObject({ posts: [] });
  });

  it("plans every watch of the org from its own rows", () => {
    const plans = planOrgPoll({
      org: "Qwen",
      watches: [watch({ id: 1 }), watch({ id: 2 })],
      listed: [fresh],
      snapshot: none,
      known: [row({ watchId: 1, modelId: "Qwen/Qwen4-8B", status: "posted" })],
    });
    expect(plans.map((p) => (p.kind === "alerts" ? p.posts.length : -1))).toEqual([0, 1]);
  });
});
