import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The shared reference snapshot: `../shared/data/` beside the project root, never copied in. */
export const SHARED_SNAPSHOT_PATH = fileURLToPath(
  new URL("../../../shared/data/hub-trending-2026-05.json", import.meta.url),
);

/** Whether the shared snapshot is on this machine (it is not in a bare clone of the project). */
export function sharedSnapshotPresent(): boolean {
  return existsSync(SHARED_SNAPSHOT_PATH);
}

/** What coverage needs from a model row, plus its repo id for messages. */
export interface SnapshotModel {
  id: string;
  author: string;
  downloads: number;
}

// The shared file has `id` as the repo id; raw `/api/models` rows also have `id` as the repo id
// (with `_id` the internal one) and some older dumps carry `modelId`. `author` may be absent.
const rowSchema = z
  .object({
    id: z.string().optional(),
    modelId: z.string().optional(),
    author: z.string().min(1).optional(),
    downloads: z.number().finite().nonnegative().default(0),
  })
  .transform((row, ctx) => {
    const id = [row.modelId, row.id].find((candidate) => candidate?.includes("/"));
    if (id === undefined) {
      ctx.addIssue({ code: "custom", message: "no namespace/name repo id" });
      return z.NEVER;
    }
    return { id, author: row.author ?? id.slice(0, id.indexOf("/")), downloads: row.downloads };
  });

const documentSchema = z.union([z.array(z.unknown()), z.object({ models: z.array(z.unknown()) })]);

/**
 * Model rows from the shared snapshot's shape (`{ models: [...] }`) or a raw `/api/models` array.
 * A row that is not a model is skipped and counted; a document of neither shape throws.
 */
export function modelsFromJson(json: unknown): { models: SnapshotModel[]; skipped: number } {
  const document = documentSchema.safeParse(json);
  if (!document.success)
    throw new Error('expected an array of model rows or an object with a "models" array');
  const rows = Array.isArray(document.data) ? document.data : document.data.models;
  const models: SnapshotModel[] = [];
  let skipped = 0;
  for (const row of rows) {
    const parsed = rowSchema.safeParse(row);
    if (parsed.success) models.push(parsed.data);
    else skipped += 1;
  }
  return { models, skipped };
}

/** Reads and parses a snapshot file (see {@link modelsFromJson}). */
export function readSnapshotModels(path: string): { models: SnapshotModel[]; skipped: number } {
  return modelsFromJson(JSON.parse(readFileSync(path, "utf8")));
}

/** The `n` most downloaded models, largest first (trending order is not download order). */
export function topByDownloads<T extends { downloads: number }>(models: readonly T[], n: number): T[] {
  return [...models].sort((a, b) => b.downloads - a.downloads).slice(0, n);
}
