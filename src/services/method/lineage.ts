import type { ModelRecord } from "../hub/types.js";

/**
 * Lineage: which developer a derivative's downloads count for.
 *
 * A derivative names its base model in its card (`cardData.base_model`, a repo id or a list of
 * them) and the Hub turns that into tags, `base_model:<id>` and `base_model:<relation>:<id>`
 * (relation `finetune`, `adapter`, `quantized` or `merge`). The origin of a model is found by
 * following bases to a model that names none; its uploader is the origin:
 *
 *   unsloth/Qwen3-8B-GGUF  ->  Qwen/Qwen3-8B (names no base)  =>  credited to Qwen
 *
 * - **A base that is not in the snapshot** cannot be followed further: its namespace (`Qwen` in
 *   `Qwen/Qwen3-8B`) is the best available answer. That is right for the usual case (a quantisation
 *   of the original), and wrong only when the missing base is itself a re-upload, in which case
 *   the re-uploader gets the credit, as it would without lineage. A missing base without a
 *   namespace (legacy ids such as `gpt2`) names no developer and counts as no base.
 * - **Several bases** (merges): each is followed and the origin most of them lead to wins; a tie
 *   goes to the base named first (the card's order, then the tags').
 * - **Cycles** (A names B, B names A) and chains longer than {@link MAX_CHAIN} establish nothing:
 *   those models fall back to their uploader. A model naming itself is ignored, not a cycle.
 * - **No base at all**: the uploader.
 */

/** The relations the Hub writes into `base_model:<relation>:<id>` tags. */
export const BASE_MODEL_RELATIONS = ["finetune", "adapter", "quantized", "merge"] as const;

/** Longest chain followed; real chains are a few links (a GGUF of a fine-tune of a base). */
export const MAX_CHAIN = 32;

const TAG_PREFIX = "base_model:";
const RELATION_PREFIX = new RegExp(`^(?:${BASE_MODEL_RELATIONS.join("|")}):`);
// A repo id as in REPO_ID_PATTERN (hub/wire.ts); kept local so the stats need not import the wire.
const REPO_ID = /^(?:[A-Za-z0-9][\w.-]*\/)?[\w.-]+$/;

/** Base model ids from `base_model:` tags, in tag order, without repeats. */
export function baseModelsFromTags(tags: readonly string[]): string[] {
  const bases: string[] = [];
  for (const tag of tags) {
    if (!tag.startsWith(TAG_PREFIX)) continue;
    const id = tag.slice(TAG_PREFIX.length).replace(RELATION_PREFIX, "");
    if (REPO_ID.test(id) && !bases.includes(id)) bases.push(id);
  }
  return bases;
}

const declared = new WeakMap<ModelRecord, readonly string[]>();
const NONE: readonly string[] = Object.freeze([]);

/**
 * The bases a model names: its card's first, then its tags', each once (ignoring case), never
 * itself. Worked out once per record: snapshots are immutable once loaded. Most models name no
 * base, so those cost one pass over their tags and no allocation.
 */
export function declaredBases(model: ModelRecord): readonly string[] {
  let found = declared.get(model);
  if (found === undefined) {
    found =
      model.baseModels.length > 0 || model.tags.some((tag) => tag.startsWith(TAG_PREFIX))
        ? collectBases(model)
        : NONE;
    declared.set(model, found);
  }
  return found;
}

function collectBases(model: ModelRecord): readonly string[] {
  const seen = new Set<string>([model.id.toLowerCase()]);
  const bases: string[] = [];
  for (const id of [...model.baseModels, ...baseModelsFromTags(model.tags)]) {
    const key = id.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    bases.push(id);
  }
  return bases.length > 0 ? bases : NONE;
}

/** The origins of one snapshot's models. */
export interface LineageIndex {
  /** The namespace a model's downloads are credited to under `lineage`. */
  originOf(model: ModelRecord): string;
}

const indexes = new WeakMap<readonly ModelRecord[], LineageIndex>();

/**
 * The lineage of every model in `models` (a whole snapshot: trending and new models are bases too),
 * built on first use and kept while the array is. Origins are memoised, so a snapshot costs one
 * pass however long its chains.
 */
export function lineageIndexOf(models: readonly ModelRecord[]): LineageIndex {
  let index = indexes.get(models);
  if (index === undefined) {
    index = buildLineageIndex(models);
    indexes.set(models, index);
  }
  return index;
}

const IN_PROGRESS = Symbol("in progress");
type Resolution = string | null | typeof IN_PROGRESS;

function buildLineageIndex(models: readonly ModelRecord[]): LineageIndex {
  const byId = new Map<string, ModelRecord>();
  // One spelling per namespace, the snapshot's own, so `qwen/...` and `Qwen/...` bases credit one org.
  const spelling = new Map<string, string>();
  for (const model of models) {
    const key = model.id.toLowerCase();
    if (!byId.has(key)) byId.set(key, model);
    const author = model.author.toLowerCase();
    if (!spelling.has(author)) spelling.set(author, model.author);
  }
  // Resolved origins by lower-cased id: a namespace, or null when none could be established.
  const resolved = new Map<string, Resolution>();

  const namespaceOf = (id: string): string | null => {
    const slash = id.indexOf("/");
    if (slash <= 0) return null;
    const namespace = id.slice(0, slash);
    return spelling.get(namespace.toLowerCase()) ?? namespace;
  };

  /** The origin a base leads to, or null when it leads nowhere established (a cycle, too deep). */
  function originOfBase(id: string, depth: number): string | null {
    const base = byId.get(id.toLowerCase());
    return base === undefined ? namespaceOf(id) : resolve(base, depth + 1);
  }

  function resolve(model: ModelRecord, depth: number): string | null {
    const key = model.id.toLowerCase();
    const known = resolved.get(key);
    if (known === IN_PROGRESS) return null; // a cycle: nothing established through it
    if (known !== undefined) return known;
    const bases = declaredBases(model);
    if (bases.length === 0) {
      resolved.set(key, model.author);
      return model.author;
    }
    if (depth >= MAX_CHAIN) return null;
    resolved.set(key, IN_PROGRESS);
    const votes = new Map<string, { origin: string; count: number; first: number }>();
    bases.forEach((id, position) => {
      const origin = originOfBase(id, depth);
      if (origin === null) return;
      const vote = votes.get(origin.toLowerCase()) ?? { origin, count: 0, first: position };
      vote.count += 1;
      votes.set(origin.toLowerCase(), vote);
    });
    let winner: { origin: string; count: number; first: number } | undefined;
    for (const vote of votes.values()) {
      if (
        winner === undefined ||
        vote.count > winner.count ||
        (vote.count === winner.count && vote.first < winner.first)
      )
        winner = vote;
    }
    const origin = winner?.origin ?? null;
    resolved.set(key, origin);
    return origin;
  }

  // Aggregations ask for every model's origin several times a computation: answer by record.
  const byRecord = new Map<ModelRecord, string>();
  return {
    originOf(model) {
      let origin = byRecord.get(model);
      if (origin === undefined) {
        origin = resolve(model, 0) ?? model.author;
        byRecord.set(model, origin);
      }
      return origin;
    },
  };
}
