import type { ModelRecord } from "../hub/types.js";
import type { Cohort } from "./method.js";

/** How far back `new` reaches: created in the 365 days before the snapshot. */
export const NEW_COHORT_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * Pipeline tags of generative models: text and multimodal generation (LLMs, vision-language and
 * omni models) and image and video generation. Not encoders, embeddings, rerankers, classifiers,
 * detection, speech recognition or synthesis. `text2text-generation` is left out: in 30-day counts
 * it is mostly T5 encoders pulled in by diffusion pipelines, not text generators people run.
 */
export const GENERATIVE_TASKS: ReadonlySet<string> = new Set([
  "text-generation",
  "image-text-to-text",
  "video-text-to-text",
  "audio-text-to-text",
  "any-to-any",
  "text-to-image",
  "image-to-image",
  "image-text-to-image",
  "text-to-video",
  "image-to-video",
  "video-to-video",
]);

/**
 * For repos without a pipeline tag (a quarter of the reference snapshot's models: GGUFs, MLX and
 * ComfyUI files), evidence that the repo is an LLM: a chat template, an LLM runtime's format, or a
 * known LLM architecture among its tags.
 */
const LLM_TAGS: ReadonlySet<string> = new Set([
  "conversational",
  "text-generation-inference",
  "gguf",
  "llama.cpp",
  "mlx",
  "llm",
]);
const LLM_LIBRARIES: ReadonlySet<string> = new Set([
  "gguf",
  "mlx",
  "vllm",
  "llama.cpp",
  "litert-lm",
  "mlc-llm",
]);
// Architectures (`model_type` tags) of LLM families: `qwen3`, `qwen3_5_moe`, `llama`, `gemma4`...
const LLM_ARCHITECTURE =
  /^(?:llama\d*|mistral\d*|mixtral|ministral\d*|qwen\d*(?:[._]\d+)?(?:_(?:moe|vl|next))*|gemma\d*(?:_text)?|phi\d*(?:small|moe)?|deepseek(?:_v\d+)?|glm\d*(?:_moe)?|chatglm|gpt_oss|gpt2|falcon\d*|olmo\d*|granite(?:moe)?|internlm\d*|baichuan|exaone\d*|hunyuan\w*|ernie\w*|minimax\w*|kimi\w*|smollm\d*|lfm\d*)$/;
/** Libraries of diffusion checkpoints: image, video and audio generators without a pipeline tag. */
const DIFFUSION_LIBRARIES: ReadonlySet<string> = new Set(["diffusers", "diffusion-single-file"]);
/** Tags that mark a repo as an encoder whatever runtime it is packaged for (embedding GGUFs exist). */
const ENCODER_TAGS: ReadonlySet<string> = new Set([
  "sentence-transformers",
  "sentence-similarity",
  "feature-extraction",
  "embedding",
  "embeddings",
  "reranker",
  "text-embeddings-inference",
]);

const HAS_UPPER = /[A-Z]/;

/** True for a generative model (see {@link GENERATIVE_TASKS}); pure in the record. */
export function isGenerative(model: Pick<ModelRecord, "pipelineTag" | "libraryName" | "tags">): boolean {
  if (model.pipelineTag !== null) return GENERATIVE_TASKS.has(model.pipelineTag);
  let llm = false;
  // A plain loop, lower-casing only what needs it: this runs for every model of every snapshot.
  for (const tag of model.tags) {
    const lower = HAS_UPPER.test(tag) ? tag.toLowerCase() : tag;
    if (ENCODER_TAGS.has(lower)) return false;
    if (LLM_TAGS.has(lower) || LLM_ARCHITECTURE.test(lower)) llm = true;
  }
  if (llm) return true;
  const library = model.libraryName?.toLowerCase() ?? null;
  return library !== null && (LLM_LIBRARIES.has(library) || DIFFUSION_LIBRARIES.has(library));
}

/** `Date#toISOString` form, in which text order is time order. */
const CANONICAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * A test for "created in the 365 days before `asOf`". Unknown creation dates (and the Hub's
 * placeholder for old repos, mapped to null at the boundary) are not new. It runs on every model of
 * a snapshot, so canonical ISO strings (what the boundary writes) are compared as text.
 */
export function newCohortTest(asOf: Date): (model: Pick<ModelRecord, "createdAt">) => boolean {
  const latestMs = asOf.getTime();
  const earliestExcludedMs = latestMs - NEW_COHORT_DAYS * DAY_MS;
  const latest = asOf.toISOString();
  const earliestExcluded = new Date(earliestExcludedMs).toISOString();
  return ({ createdAt }) => {
    if (createdAt === null) return false;
    if (CANONICAL_ISO.test(createdAt)) return createdAt <= latest && createdAt > earliestExcluded;
    const created = Date.parse(createdAt);
    return !Number.isNaN(created) && created <= latestMs && created > earliestExcludedMs;
  };
}

/**
 * A test for membership of `cohort` at `asOf` (test traffic is filtered separately). The stats
 * pass their memoised generative test; the default works it out from the record.
 */
export function cohortTest(
  cohort: Cohort,
  asOf: Date,
  generative: (model: ModelRecord) => boolean = isGenerative,
): (model: ModelRecord) => boolean {
  switch (cohort) {
    case "all":
      return () => true;
    case "new":
      return newCohortTest(asOf);
    case "generative":
      return generative;
  }
}
