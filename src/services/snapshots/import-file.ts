import { z } from "zod";
import type { ModelRecord } from "../hub/types.js";

/** The Hub's placeholder creation date for repos older than its tracking of creation dates. */
const PLACEHOLDER_CREATED_AT = "2022-03-02T23:29:04.000Z";

const count = z.number().finite().nonnegative();
const optionalText = z.string().nullish();

/**
 * One row of a saved `/api/models` response. The Hub sends snake_case (`pipeline_tag`); collectors
 * that reshape it (like the reference snapshot in shared/data) send camelCase: both are accepted.
 */
const importedRowSchema = z.object({
  id: z.string().regex(/^[^/\s]+\/[^/\s]+$/, "repo id must be namespace/name"),
  author: z.string().min(1).optional(),
  downloads: count.default(0),
  downloadsAllTime: count.nullish(),
  likes: count.default(0),
  trendingScore: z.number().finite().nullish(),
  createdAt: z.iso.datetime({ offset: true }).nullish(),
  pipeline_tag: optionalText,
  pipelineTag: optionalText,
  library_name: optionalText,
  libraryName: optionalText,
  tags: z.array(z.string()).default([]),
  safetensors: z.object({ total: count.optional() }).nullish(),
});

const fileSchema = z.union([z.array(z.unknown()), z.object({ models: z.array(z.unknown()) })]);

export interface ImportedModels {
  models: ModelRecord[];
  /** Rows that were not valid model rows (skipped and counted, not fatal). */
  skipped: number;
}

/**
 * Reads a saved `/api/models` response: a JSON array of model rows, or `{ "models": [...] }`.
 * Throws only when the file as a whole is not such a document; a bad row is skipped and counted.
 * Imported rows carry no top-by-downloads rank (the file's sort is unknown), so shares over an
 * import are over "every model in the snapshot".
 */
export function parseModelsFile(text: string): ImportedModels {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON: ${(error as Error).message}`);
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) {
    throw new Error('expected a JSON array of model rows or an object with a "models" array');
  }
  const rows = Array.isArray(file.data) ? file.data : file.data.models;
  const byId = new Map<string, ModelRecord>();
  let skipped = 0;
  for (const row of rows) {
    const parsed = importedRowSchema.safeParse(row);
    if (!parsed.success || byId.has(parsed.data.id)) {
      skipped += 1;
      continue;
    }
    byId.set(parsed.data.id, toModelRecord(parsed.data));
  }
  const models = [...byId.values()];
  rankByTrendingScore(models);
  return { models, skipped };
}

function toModelRecord(row: z.infer<typeof importedRowSchema>): ModelRecord {
  const createdAt = row.createdAt ? new Date(row.createdAt).toISOString() : null;
  return {
    id: row.id,
    author: row.author ?? row.id.slice(0, row.id.indexOf("/")),
    downloads: row.downloads,
    downloadsAllTime: row.downloadsAllTime ?? null,
    likes: row.likes,
    trendingScore: row.trendingScore ?? null,
    createdAt: createdAt === PLACEHOLDER_CREATED_AT ? null : createdAt,
    pipelineTag: row.pipeline_tag ?? row.pipelineTag ?? null,
    libraryName: row.library_name ?? row.libraryName ?? null,
    tags: row.tags,
    parameters: row.safetensors?.total ?? null,
    downloadsRank: null,
    trendingRank: null,
  };
}

function rankByTrendingScore(models: ModelRecord[]): void {
  const scored = models.filter((m) => m.trendingScore !== null);
  scored.sort((a, b) => (b.trendingScore ?? 0) - (a.trendingScore ?? 0) || a.id.localeCompare(b.id));
  scored.forEach((m, i) => {
    m.trendingRank = i + 1;
  });
}
