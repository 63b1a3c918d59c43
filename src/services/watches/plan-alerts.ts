import type { ModelRecord } from "../hub/types.js";
import type { Alert, AlertKey, AlertKind } from "./alert-log.js";
import type { Watch } from "./watch-settings.js";

/** A milestone is a watched org's model entering this many of a snapshot's trending list. */
export const MILESTONE_TRENDING_TOP = 20;

/**
 * A model created this long before its watch still alerts (the Hub indexes a new repo a little
 * late). Anything older that shows up in the newest list later is an old model slid into view (a
 * newer one was deleted, or made private), not a release: it never alerts.
 */
export const CREATED_SLACK_MS = 24 * 60 * 60 * 1000;

/** What a snapshot says of the org's models, for one poll. */
export interface SnapshotView {
  /** The model as the newest snapshot has it (downloads, trending rank), ignoring case. */
  model(id: string): ModelRecord | undefined;
  /** The org's models in the snapshot's trending top {@link MILESTONE_TRENDING_TOP}, best first. */
  trendingOf(org: string): readonly ModelRecord[];
}

/** One alert to claim (or, for a held one, to take over) and post. */
export interface PlannedAlert {
  key: AlertKey;
  model: ModelRecord;
  /** The held row to take over; null: a fresh claim. */
  held: Alert | null;
}

/** What one watch's share of an org poll comes to. */
export type WatchPlan =
  /** First poll: record what exists, alert nothing. */
  | { kind: "baseline"; watch: Watch; entries: Omit<AlertKey, "watchId">[] }
  | { kind: "alerts"; watch: Watch; holds: AlertKey[]; posts: PlannedAlert[] };

/** The best downloads figure known: the list's (fresh), or the snapshot's when it is higher. */
function downloadsOf(model: ModelRecord, snapshot: SnapshotView): number {
  return Math.max(model.downloads, snapshot.model(model.id)?.downloads ?? 0);
}

const keyText = (key: Omit<AlertKey, "watchId">) => `${key.kind}\u0000${key.modelId}`;

/**
 * Plans one org poll for every watch of the org, from the Hub's newest list (newest first), the
 * snapshot, and the alerts the watches already have for these models (`known`). Pure: the poller
 * claims, holds and posts what it returns, and the claims decide who posts (a plan from a stale
 * `known` only meets a claim that returns nothing).
 */
export function planOrgPoll(input: {
  org: string;
  watches: readonly Watch[];
  listed: readonly ModelRecord[];
  snapshot: SnapshotView;
  known: readonly Alert[];
}): WatchPlan[] {
  const { org, watches, listed, snapshot } = input;
  const trending = snapshot.trendingOf(org);
  const byWatch = new Map<number, Map<string, Alert>>();
  for (const alert of input.known) {
    const rows = byWatch.get(alert.watchId) ?? new Map<string, Alert>();
    byWatch.set(alert.watchId, rows);
    rows.set(keyText(alert), alert);
  }
  const listedById = new Map(listed.map((model) => [model.id, model]));

  return watches.map((watch): WatchPlan => {
    if (!watch.baselineDone) {
      const entries = [
        ...listed.map((model) => ({ modelId: model.id, kind: "new" as AlertKind })),
        ...trending.map((model) => ({ modelId: model.id, kind: "milestone" as AlertKind })),
      ];
      return { kind: "baseline", watch, entries };
    }
    const rows = byWatch.get(watch.id) ?? new Map<string, Alert>();
    const holds: AlertKey[] = [];
    const posts: PlannedAlert[] = [];
    const createdFloor = Date.parse(watch.createdAt) - CREATED_SLACK_MS;
    for (const model of listed) {
      const key: AlertKey = { watchId: watch.id, modelId: model.id, kind: "new" };
      const row = rows.get(keyText(key));
      if (row !== undefined && row.status !== "held") continue;
      if (row === undefined && (model.createdAt === null || Date.parse(model.createdAt) < createdFloor))
        continue;
      if (downloadsOf(model, snapshot) >= watch.minDownloads) posts.push({ key, model, held: row ?? null });
      else if (row === undefined) holds.push(key);
    }
    // Held models that have left the newest list: the snapshot may show them past the bar.
    for (const row of rows.values()) {
      if (row.status !== "held" || row.kind !== "new" || listedById.has(row.modelId)) continue;
      const model = snapshot.model(row.modelId);
      if (model !== undefined && model.downloads >= watch.minDownloads) {
        posts.push({ key: { watchId: watch.id, modelId: row.modelId, kind: "new" }, model, held: row });
      }
    }
    for (const model of trending) {
      const key: AlertKey = { watchId: watch.id, modelId: model.id, kind: "milestone" };
      if (!rows.has(keyText(key))) posts.push({ key, model, held: null });
    }
    return { kind: "alerts", watch, holds, posts };
  });
}

/** A {@link SnapshotView} over a snapshot's models; an empty one when there is no snapshot. */
export function snapshotViewOf(models: readonly ModelRecord[] | null): SnapshotView {
  if (models === null) return { model: () => undefined, trendingOf: () => [] };
  const byId = new Map<string, ModelRecord>();
  const trendingByAuthor = new Map<string, ModelRecord[]>();
  for (const model of models) {
    byId.set(model.id.toLowerCase(), model);
    if (model.trendingRank !== null && model.trendingRank <= MILESTONE_TRENDING_TOP) {
      const author = model.author.toLowerCase();
      trendingByAuthor.set(author, [...(trendingByAuthor.get(author) ?? []), model]);
    }
  }
  for (const list of trendingByAuthor.values())
    list.sort((a, b) => (a.trendingRank ?? 0) - (b.trendingRank ?? 0));
  return {
    model: (id) => byId.get(id.toLowerCase()),
    trendingOf: (org) => trendingByAuthor.get(org.toLowerCase()) ?? [],
  };
}
