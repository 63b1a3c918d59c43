import type { ModelRecord } from "../hub/types.js";
import { declaredBases, lineageIndexOf } from "../method/lineage.js";
import type { RegionAttributor } from "../regions/attribution.js";
import type { RegionOrUnattributed } from "../regions/types.js";
import { type ParameterCount, parameterCountOf } from "../stats/parameters.js";
import type { AlertKey, AlertKind } from "./alert-log.js";

/** What an alert says, before any wording or Discord: the bot renders it in the watch's language. */
export interface AlertContent {
  kind: AlertKind;
  watchId: number;
  modelId: string;
  /** The model's page on the Hub. */
  url: string;
  task: string | null;
  parameters: ParameterCount | null;
  /** The `license:` tag's value (`apache-2.0`), or null. */
  licence: string | null;
  /** The first base model the model declares, and where lineage credits its downloads. */
  base: { id: string; origin: string; region: RegionOrUnattributed } | null;
  /** From the newest snapshot, when the model is in it. */
  downloads: number | null;
  trendingRank: number | null;
  /** Footer key, so a post can be found again after a crash: `watch #3 · new · Qwen/Qwen4-8B`. */
  marker: string;
}

/** The footer key of an alert. Model ids hold no ` · `, so it reads back unambiguously. */
export function alertMarker(key: AlertKey): string {
  return `watch #${key.watchId} · ${key.kind} · ${key.modelId}`;
}

const MARKER = /^watch #(\d+) · (new|milestone) · (\S+?)(?: · |$)/;

/** Reads the key back from a footer, or null when it carries none. */
export function parseAlertMarker(footer: string): AlertKey | null {
  const match = MARKER.exec(footer);
  if (match === null || match[1] === undefined || match[3] === undefined) return null;
  return {
    watchId: Number(match[1]),
    kind: match[2] === "milestone" ? "milestone" : "new",
    modelId: match[3],
  };
}

/**
 * Composes an alert for `model` (as the Hub listed it, or as the snapshot has it for a milestone).
 * `snapshotModels` is the newest snapshot's list (null without one): it gives the downloads and
 * trending rank, and the lineage of the base model (a fine-tune of a quantisation of Qwen is
 * credited to Qwen, as every count under lineage does).
 */
export function composeAlert(input: {
  key: AlertKey;
  model: ModelRecord;
  snapshotModels: readonly ModelRecord[] | null;
  regions: RegionAttributor;
  hubUrl: string;
}): AlertContent {
  const { key, model, snapshotModels, regions } = input;
  const inSnapshot = snapshotModels?.find((m) => m.id.toLowerCase() === model.id.toLowerCase()) ?? null;
  const baseId = declaredBases(model)[0] ?? null;
  let base: AlertContent["base"] = null;
  if (baseId !== null) {
    const baseRecord = snapshotModels?.find((m) => m.id.toLowerCase() === baseId.toLowerCase());
    const origin =
      baseRecord !== undefined && snapshotModels !== null
        ? lineageIndexOf(snapshotModels).originOf(baseRecord)
        : baseId.slice(0, Math.max(0, baseId.indexOf("/"))) || baseId;
    base = { id: baseId, origin, region: regions.regionOf(origin) };
  }
  const licence = model.tags.find((tag) => tag.startsWith("license:"))?.slice("license:".length) ?? null;
  return {
    kind: key.kind,
    watchId: key.watchId,
    modelId: model.id,
    url: `${input.hubUrl.replace(/\/+$/, "")}/${model.id}`,
    task: model.pipelineTag,
    parameters: parameterCountOf(model),
    licence: licence === null || licence.length === 0 ? null : licence,
    base,
    downloads: inSnapshot?.downloads ?? null,
    trendingRank: inSnapshot?.trendingRank ?? null,
    marker: alertMarker(key),
  };
}
