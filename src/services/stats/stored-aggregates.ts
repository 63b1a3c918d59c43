import { createHash } from "node:crypto";
import { ALL_METHODS, type CountingMethod } from "../method/method.js";
import type { RegionLookup, SnapshotData } from "./inputs.js";
import { memoizedLookup } from "./model-facts.js";
import { historyPointOf, type SnapshotAggregate, snapshotAggregate } from "./region-shares.js";
import type { RegionHistoryPoint } from "./types.js";

/**
 * What is stored beside each snapshot, once per counting method: its history point and its
 * aggregate (universe, region and country shares, every organisation credited, the counts'
 * fingerprint). History lines and comparisons are made from these alone, so a `/trends` over 12
 * weeks reads 24 small rows instead of loading and aggregating 24 snapshots of 10,000 models.
 */
export interface StoredAggregate {
  method: CountingMethod;
  point: RegionHistoryPoint;
  aggregate: SnapshotAggregate;
}

/** A snapshot's aggregates under every method, with the version that computed them. */
export interface AggregateSet {
  version: string;
  aggregates: readonly StoredAggregate[];
}

/**
 * Bump when what `storedAggregatesOf` computes changes (a counting rule, a field): stored rows of
 * another version are then recomputed instead of being trusted.
 */
const AGGREGATE_CODE_VERSION = 1;

/**
 * The version of aggregates computed by this code over this attribution data (the curated
 * organisations decide every region share): a change of either makes stored rows stale.
 */
export function aggregateVersion(attributionData: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(attributionData)).digest("hex");
  return `${AGGREGATE_CODE_VERSION}:${digest.slice(0, 16)}`;
}

/** The aggregates to store with `snapshot`, one per counting method (a pure function). */
export function storedAggregatesOf(snapshot: SnapshotData, lookup: RegionLookup): StoredAggregate[] {
  const shared = memoizedLookup(lookup);
  return ALL_METHODS.map((method) => storedAggregateOf(snapshot, shared, method));
}

/** One method's stored aggregate of `snapshot`. */
export function storedAggregateOf(
  snapshot: SnapshotData,
  lookup: RegionLookup,
  method: CountingMethod,
): StoredAggregate {
  const aggregate = snapshotAggregate(snapshot, lookup, method);
  return { method: { ...method }, point: historyPointOf(aggregate), aggregate };
}
