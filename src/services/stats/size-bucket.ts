import type { SizeBucket } from "./types.js";

/** Parameter-count bucket of a model; models without safetensors metadata are `unknown`. */
export function sizeBucketOf(parameters: number | null): SizeBucket {
  if (parameters === null || !Number.isFinite(parameters) || parameters <= 0) return "unknown";
  if (parameters < 1e9) return "<1B";
  if (parameters < 1e10) return "1-10B";
  if (parameters < 1e11) return "10-100B";
  return ">100B";
}
