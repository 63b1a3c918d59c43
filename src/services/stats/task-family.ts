import type { TaskFamily } from "./types.js";

/**
 * The Hub's pipeline tags grouped into broad families. Robotics and science get few pipeline tags
 * of their own, so tags and libraries decide those (see `familyOf`).
 */
const FAMILY_BY_PIPELINE_TAG: Record<string, TaskFamily> = {
  "text-generation": "language",
  "text2text-generation": "language",
  "fill-mask": "language",
  "sentence-similarity": "language",
  "feature-extraction": "language",
  "text-classification": "language",
  "token-classification": "language",
  "question-answering": "language",
  "table-question-answering": "language",
  "zero-shot-classification": "language",
  translation: "language",
  summarization: "language",
  "text-ranking": "language",
  "image-classification": "vision",
  "image-segmentation": "vision",
  "object-detection": "vision",
  "zero-shot-object-detection": "vision",
  "zero-shot-image-classification": "vision",
  "depth-estimation": "vision",
  "image-feature-extraction": "vision",
  "text-to-image": "vision",
  "image-to-image": "vision",
  "unconditional-image-generation": "vision",
  "keypoint-detection": "vision",
  "mask-generation": "vision",
  "video-classification": "vision",
  "text-to-video": "vision",
  "image-to-video": "vision",
  "text-to-3d": "vision",
  "image-to-3d": "vision",
  "automatic-speech-recognition": "audio",
  "text-to-speech": "audio",
  "text-to-audio": "audio",
  "audio-classification": "audio",
  "audio-to-audio": "audio",
  "voice-activity-detection": "audio",
  "image-text-to-text": "multimodal",
  "image-to-text": "multimodal",
  "visual-question-answering": "multimodal",
  "document-question-answering": "multimodal",
  "video-text-to-text": "multimodal",
  "any-to-any": "multimodal",
  "audio-text-to-text": "multimodal",
  "visual-document-retrieval": "multimodal",
  robotics: "robotics",
  "reinforcement-learning": "robotics",
  "time-series-forecasting": "science",
  "graph-ml": "science",
  "tabular-classification": "science",
  "tabular-regression": "science",
};

const ROBOTICS_TAGS = new Set(["robotics", "lerobot", "robot", "vla", "embodied-ai", "manipulation"]);
const SCIENCE_TAGS = new Set([
  "biology",
  "chemistry",
  "physics",
  "medical",
  "protein",
  "proteins",
  "genomics",
  "dna",
  "rna",
  "molecule",
  "molecules",
  "materials",
  "materials-science",
  "climate",
  "weather",
  "science",
  "ai4science",
  "bioinformatics",
  "drug-discovery",
]);
const ROBOTICS_LIBRARIES = new Set(["lerobot"]);

/** The family of one model. Robotics and science win over a generic pipeline tag. */
export function familyOf(model: {
  pipelineTag: string | null;
  libraryName: string | null;
  tags: readonly string[];
}): TaskFamily {
  if (model.libraryName !== null && ROBOTICS_LIBRARIES.has(model.libraryName)) return "robotics";
  let science = false;
  // A plain loop without per-tag allocation: this runs for every model of every snapshot.
  for (const tag of model.tags) {
    const lower = HAS_UPPER.test(tag) ? tag.toLowerCase() : tag;
    if (ROBOTICS_TAGS.has(lower)) return "robotics";
    if (SCIENCE_TAGS.has(lower)) science = true;
  }
  return science ? "science" : taskFamily(model.pipelineTag);
}

const HAS_UPPER = /[A-Z]/;

/** The family of a pipeline tag alone (`unknown` and unlisted tags are `other`). */
export function taskFamily(pipelineTag: string | null): TaskFamily {
  if (pipelineTag === null) return "other";
  return FAMILY_BY_PIPELINE_TAG[pipelineTag] ?? "other";
}
