import type { ModelRecord } from "../hub/types.js";

/** A model's parameter count, and whether it is read from its name rather than its weights. */
export interface ParameterCount {
  value: number;
  /** True when estimated from the repo name (`-0.6B`, `8x7B`), not the Hub's safetensors metadata. */
  estimated: boolean;
}

const UNITS: Record<string, number> = { b: 1e9, m: 1e6 };
// Whole parts of a name, split at `-`, `_` or a space: `Qwen3-30B-A3B-Instruct` -> `30B`, `A3B`...
const SIZE = /^(\d+(?:\.\d+)?)([bm])$/i;
const EXPERTS = /^(\d+)x(\d+(?:\.\d+)?)b$/i;

/**
 * The parameter count a repo name states: `Qwen3-0.6B`, `llama-7b`, `Mixtral-8x7B` (8 × 7B, an
 * upper bound for mixtures of experts), `Kokoro-82M`. Active-parameter tokens (`A3B`) and
 * "effective" sizes (`E2B`) are not the model's size and are skipped; billions win over millions
 * (`Qwen2.5-7B-Instruct-1M` is 7B with a 1M context). Null when the name states none.
 */
export function parametersFromName(repoId: string): number | null {
  const name = repoId.slice(repoId.indexOf("/") + 1);
  let millions: number | null = null;
  for (const part of name.split(/[-_\s]+/)) {
    const experts = EXPERTS.exec(part);
    if (experts !== null) return Number(experts[1]) * Number(experts[2]) * 1e9;
    const size = SIZE.exec(part);
    if (size === null) continue;
    const value = Number(size[1]) * (UNITS[(size[2] ?? "").toLowerCase()] ?? Number.NaN);
    if (!Number.isFinite(value) || value <= 0) continue;
    if (value >= 1e9) return value;
    millions ??= value;
  }
  return millions;
}

const counts = new WeakMap<ModelRecord, ParameterCount | null>();

/** The Hub's safetensors count when there is one, else the name's, marked as estimated. */
export function parameterCountOf(model: ModelRecord): ParameterCount | null {
  let found = counts.get(model);
  if (found === undefined) {
    if (model.parameters !== null && Number.isFinite(model.parameters) && model.parameters > 0) {
      found = { value: model.parameters, estimated: false };
    } else {
      const fromName = parametersFromName(model.id);
      found = fromName === null ? null : { value: fromName, estimated: true };
    }
    counts.set(model, found);
  }
  return found;
}
