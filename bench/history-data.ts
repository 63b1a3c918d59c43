import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import type { ModelRecord } from "../src/services/hub/types.js";
import { toModelRecord } from "../src/services/hub/wire.js";
import { openDatabase } from "../src/services/storage/database.js";
import { createSnapshotStore } from "../src/services/storage/snapshot-store.js";
import { generateHubModels } from "../test/fixtures/generate-hub-models.js";

/**
 * The histories of the scale bench (issue 14): N daily snapshots of 10,000 models in an SQLite
 * file under /tmp, built once and reused by later runs (180 × 10k is ~400 MB and takes a while).
 * Built through the product's own store, so the file has whatever the store writes (a newer
 * schema's extra tables included). Generation is fast on purpose: one set of 10,000 models from the
 * fake Hub's generator, then each day's copy with its downloads moved a little.
 */
export const HISTORY_DIR = "/tmp/hubtrends-bench-history";
export const HISTORY_MODELS = 10_000;
const DAY_MS = 86_400_000;
/** The newest snapshot of every history is taken at this time. */
export const NEWEST_AT = Date.parse("2026-11-30T06:00:00.000Z");
const logger = pino({ level: "silent" });

/** Base models, ranked by downloads as a collection's top list is. */
export function baseModels(count = HISTORY_MODELS): ModelRecord[] {
  const rows = generateHubModels({ count, now: new Date(NEWEST_AT), seed: 14 }).rows;
  const records: ModelRecord[] = [];
  for (const row of rows) {
    // As @huggingface/hub hands a row over: `name` is the repo id, `task` the pipeline tag.
    const mapped = toModelRecord({ ...row, id: row._id, name: row.id, task: row.pipeline_tag });
    if (mapped.ok) records.push(mapped.record);
  }
  if (records.length < count * 0.99)
    throw new Error(`only ${records.length} of ${count} generated models map`);
  return rank(records);
}

function rank(models: ModelRecord[]): ModelRecord[] {
  const sorted = [...models].sort((a, b) => b.downloads - a.downloads || a.id.localeCompare(b.id));
  return sorted.map((m, i) => ({ ...m, downloadsRank: i + 1 }));
}

/** Day `day` before the newest (0 = newest): downloads wobble by up to ±20 % per model and day. */
export function modelsOfDay(base: readonly ModelRecord[], day: number): ModelRecord[] {
  const moved = base.map((m, i) => {
    const wobble = 1 + (((i * 7919 + day * 104_729) % 401) - 200) / 1000;
    const downloads = Math.max(0, Math.round(m.downloads * wobble));
    const allTime =
      m.downloadsAllTime === null
        ? null
        : Math.max(0, m.downloadsAllTime - day * Math.round(m.downloads / 30));
    return { ...m, downloads, downloadsAllTime: allTime };
  });
  return rank(moved);
}

export const takenAtOfDay = (day: number): Date => new Date(NEWEST_AT - day * DAY_MS);

/** The path of the history of `snapshots` days, building it first when it is not there. */
export async function historyDatabase(snapshots: number): Promise<{ path: string; builtMs: number | null }> {
  mkdirSync(HISTORY_DIR, { recursive: true });
  const path = join(HISTORY_DIR, `history-${snapshots}x${HISTORY_MODELS}.db`);
  if (existsSync(path)) return { path, builtMs: null };
  const started = performance.now();
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const database = await openDatabase({ kind: "sqlite", path: building }, { logger });
  try {
    const store = createSnapshotStore(database, { clock: () => new Date(NEWEST_AT) });
    const base = baseModels();
    for (let day = snapshots - 1; day >= 0; day -= 1) {
      await store.save({
        takenAt: takenAtOfDay(day),
        source: "collect",
        models: modelsOfDay(base, day),
        skipped: 0,
      });
    }
  } finally {
    await database.close();
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
  renameSync(building, path);
  return { path, builtMs: Math.round(performance.now() - started) };
}
