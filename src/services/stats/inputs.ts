import type { ModelRecord } from "../hub/types.js";
import type { RegionOrUnattributed } from "../regions/types.js";

/** The part of a snapshot the stats need: when it was taken and its models. */
export interface SnapshotData {
  /** ISO time the snapshot was taken. */
  takenAt: string;
  models: readonly ModelRecord[];
}

/** Where an organisation is based, as the curated attribution says (see src/services/regions/). */
export interface RegionLookup {
  regionOf(author: string): RegionOrUnattributed;
  countryOf(author: string): string | null;
}

/** How far back "new" reaches, in days (8 weeks). */
export const NEW_MODEL_DAYS = 56;
