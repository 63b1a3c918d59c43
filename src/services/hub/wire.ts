import { z } from "zod";
import type { DatasetRecord, ModelRecord } from "./types.js";

/**
 * What @huggingface/hub yields, validated before it becomes a domain record. Its list functions
 * rename the Hub's JSON: `name` is the repo id, `id` the internal `_id`, `task` the pipeline tag;
 * the fields asked for through `additionalFields` are copied raw (dates stay strings, and
 * `listModels` copies absent ones as `undefined`).
 */

/** Creation date the Hub gives every repo older than its tracking of creation dates. */
export const HUB_PLACEHOLDER_CREATED_AT = "2022-03-02T23:29:04.000Z";

/**
 * The Hub's repo id: an optional namespace and a name, each of letters, digits, `-`, `_`, `.`
 * (legacy canonical models such as `gpt2` have no namespace).
 */
export const REPO_ID_PATTERN = /^(?:[A-Za-z0-9][\w.-]*\/)?[\w.-]+$/;

const count = z.number().int().nonnegative();
// The Hub sends null for some absent values and omits others; both mean "not given".
const optionalString = z.string().nullish();
const isoDate = z.iso.datetime({ offset: true }).nullish();

/** An item of `listModels` / `modelInfo` with our `additionalFields`. */
export const ListedModelSchema = z.object({
  name: z.string().regex(REPO_ID_PATTERN, "not a repo id"),
  downloads: count,
  likes: count,
  task: optionalString,
  author: optionalString,
  downloadsAllTime: count.nullish(),
  trendingScore: z.number().finite().nullish(),
  createdAt: isoDate,
  library_name: optionalString,
  tags: z.array(z.string()).nullish(),
  safetensors: z
    .object({
      parameters: z.record(z.string(), count).nullish(),
      total: count.nullish(),
    })
    .nullish(),
  // The card's metadata is free-form YAML written by the uploader: only base_model is read, and
  // what it holds is sorted out by `baseModelsOfCard`, never a reason to skip the model.
  cardData: z.object({ base_model: z.unknown().optional() }).nullish().catch(null),
});
export type ListedModel = z.infer<typeof ListedModelSchema>;

/** An item of `listDatasets` with our `additionalFields` (it leaves absent ones out). */
export const ListedDatasetSchema = z.object({
  name: z.string().regex(REPO_ID_PATTERN, "not a repo id"),
  downloads: count,
  likes: count,
  author: optionalString,
  trendingScore: z.number().finite().nullish(),
  createdAt: isoDate,
  tags: z.array(z.string()).nullish(),
});
export type ListedDataset = z.infer<typeof ListedDatasetSchema>;

/** Outcome of mapping one wire item: the record, or why it was skipped. */
export type MapResult<T> = { ok: true; record: T } | { ok: false; reason: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(item)"}: ${issue.message}`)
    .join("; ");
}

function namespaceOf(repoId: string): string {
  const slash = repoId.indexOf("/");
  // Canonical models without a namespace belong to no organisation: use the name itself.
  return slash === -1 ? repoId : repoId.slice(0, slash);
}

function createdAtOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = new Date(value).toISOString();
  return iso === HUB_PLACEHOLDER_CREATED_AT ? null : iso;
}

function parametersOf(safetensors: ListedModel["safetensors"]): number | null {
  if (!safetensors) return null;
  if (typeof safetensors.total === "number") return safetensors.total;
  const perDtype = Object.values(safetensors.parameters ?? {});
  return perDtype.length > 0 ? perDtype.reduce((sum, n) => sum + n, 0) : null;
}

/**
 * The repo ids a card's `base_model` names: a string or a list of strings, as the Hub documents it.
 * Entries that are not repo ids (free text, numbers, a URL) are dropped: a card is written by hand,
 * and one odd entry should not cost the model its record or its other bases.
 */
export function baseModelsOfCard(value: unknown): string[] {
  const entries = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  const bases: string[] = [];
  for (const entry of entries) {
    if (typeof entry !== "string") continue;
    const id = entry.trim();
    if (REPO_ID_PATTERN.test(id) && !bases.includes(id)) bases.push(id);
  }
  return bases;
}

/** Maps one `listModels`/`modelInfo` item to a {@link ModelRecord} (ranks unset), or says why not. */
export function toModelRecord(item: unknown): MapResult<ModelRecord> {
  const parsed = ListedModelSchema.safeParse(item);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const raw = parsed.data;
  return {
    ok: true,
    record: {
      id: raw.name,
      author: raw.author || namespaceOf(raw.name),
      downloads: raw.downloads,
      downloadsAllTime: raw.downloadsAllTime ?? null,
      likes: raw.likes,
      trendingScore: raw.trendingScore ?? null,
      createdAt: createdAtOf(raw.createdAt),
      pipelineTag: raw.task ?? null,
      libraryName: raw.library_name ?? null,
      tags: raw.tags ?? [],
      parameters: parametersOf(raw.safetensors),
      baseModels: baseModelsOfCard(raw.cardData?.base_model),
      downloadsRank: null,
      trendingRank: null,
    },
  };
}

/** Maps one `listDatasets` item to a {@link DatasetRecord}, or says why not. */
export function toDatasetRecord(item: unknown): MapResult<DatasetRecord> {
  const parsed = ListedDatasetSchema.safeParse(item);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const raw = parsed.data;
  return {
    ok: true,
    record: {
      id: raw.name,
      author: raw.author || namespaceOf(raw.name),
      downloads: raw.downloads,
      likes: raw.likes,
      trendingScore: raw.trendingScore ?? null,
      createdAt: createdAtOf(raw.createdAt),
      tags: raw.tags ?? [],
    },
  };
}
