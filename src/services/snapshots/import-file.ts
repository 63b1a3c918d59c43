import { z } from "zod";
import { type Message, render } from "../../locales/index.js";
import type { ModelRecord } from "../hub/types.js";
import { baseModelsOfCard, HUB_PLACEHOLDER_CREATED_AT } from "../hub/wire.js";
import { parseStrictIsoDate } from "./strict-iso-date.js";

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
  // `full=true` rows carry the card's metadata; only base_model is read (see baseModelsOfCard).
  cardData: z.object({ base_model: z.unknown().optional() }).nullish().catch(null),
});

/** The keys a saved file may state its own date under (the reference file uses `fetchedAt`). */
export const FILE_DATE_KEYS = ["date", "fetched_at", "fetchedAt"] as const;

const fileSchema = z.union([z.array(z.unknown()), z.looseObject({ models: z.array(z.unknown()) })]);

export interface ImportedModels {
  models: ModelRecord[];
  /** Rows in the file. */
  rows: number;
  /** Rows that were not valid model rows, or repeated an id (skipped and counted). */
  skipped: number;
  /**
   * The file's own date (`date`, `fetched_at` or `fetchedAt` beside `models`): the instant, or why
   * the value is not one; null when the file states none.
   */
  fileDate: { ok: true; date: Date; key: string } | { ok: false; key: string; reason: Message } | null;
}

/** A file that is not a saved `/api/models` response at all; `reason` is said in the reader's locale. */
export class ImportFileError extends Error {
  override readonly name = "ImportFileError";
  constructor(readonly reason: Message) {
    super(render("en-US", reason));
  }
}

/**
 * Reads a saved `/api/models` response: a JSON array of model rows, or `{ "models": [...] }`
 * (optionally with its date). Throws only when the file as a whole is not such a document; a bad
 * row is skipped and counted, and {@link importProblem} decides whether too many were.
 * Imported rows carry no top-by-downloads rank (the file's sort is unknown), so shares over an
 * import are over "every model in the snapshot".
 */
export function parseModelsFile(text: string): ImportedModels {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError({ key: "import.file.not-json", args: [{ detail: (error as Error).message }] });
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) {
    throw new ImportFileError({ key: "import.file.not-models", args: [] });
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
  return {
    models,
    rows: rows.length,
    skipped,
    fileDate: Array.isArray(file.data) ? null : fileDateOf(file.data),
  };
}

function fileDateOf(document: Record<string, unknown>): ImportedModels["fileDate"] {
  const key = FILE_DATE_KEYS.find((candidate) => document[candidate] !== undefined);
  if (key === undefined) return null;
  const value = document[key];
  if (typeof value !== "string")
    return { ok: false, key, reason: { key: "import.date.not-a-string", args: [] } };
  const parsed = parseStrictIsoDate(value);
  return parsed.ok ? { ok: true, date: parsed.date, key } : { ok: false, key, reason: parsed.reason };
}

/** An import is refused when more than this share of its rows are invalid... */
export const MAX_INVALID_SHARE = 0.1;
/** ...or when it has fewer valid rows than this: shares of a handful of models mean nothing. */
export const MIN_VALID_ROWS = 10;

/**
 * Why the parsed file must not become a snapshot, with the counts, or null when it may. A file that
 * is mostly broken is likely not what was meant (another endpoint's output, a cut download), and a
 * snapshot of it would sit in history as if the Hub had said so.
 */
export function importProblem(parsed: Pick<ImportedModels, "models" | "rows" | "skipped">): Message | null {
  const valid = parsed.models.length;
  if (valid < MIN_VALID_ROWS) {
    return {
      key: "import.refused.too-few",
      args: [{ valid, rows: parsed.rows, skipped: parsed.skipped, min: MIN_VALID_ROWS }],
    };
  }
  const invalidShare = parsed.rows > 0 ? parsed.skipped / parsed.rows : 0;
  if (invalidShare > MAX_INVALID_SHARE) {
    return {
      key: "import.refused.too-many-invalid",
      args: [
        {
          skipped: parsed.skipped,
          rows: parsed.rows,
          percent: (invalidShare * 100).toFixed(1),
          max: String(MAX_INVALID_SHARE * 100),
        },
      ],
    };
  }
  return null;
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
    createdAt: createdAt === HUB_PLACEHOLDER_CREATED_AT ? null : createdAt,
    pipelineTag: row.pipeline_tag ?? row.pipelineTag ?? null,
    libraryName: row.library_name ?? row.libraryName ?? null,
    tags: row.tags,
    parameters: row.safetensors?.total ?? null,
    baseModels: baseModelsOfCard(row.cardData?.base_model),
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
