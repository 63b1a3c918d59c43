import type { ModelRecord } from "../hub/types.js";
import { isGenerative } from "../method/cohorts.js";
import { isTestTraffic } from "../method/test-traffic.js";
import type { RegionLookup } from "./inputs.js";
import { familyOf } from "./task-family.js";
import type { TaskFamily } from "./types.js";

/** What the aggregations derive from a record, worked out once per record rather than per pass. */
interface ModelFacts {
  family: TaskFamily;
  /** In the `generative` cohort (see method/cohorts.ts). */
  generative: boolean;
  /** On the reviewed test-traffic list: left out of every cohort. */
  testTraffic: boolean;
}

// Keyed by the record object: a snapshot's records are immutable once loaded, and the entries go
// when the snapshot does. Working out families dominated aggregation time; the cohort tests walk
// the tags too, so they are worked out in the same place, once.
const facts = new WeakMap<ModelRecord, ModelFacts>();

export function factsOf(model: ModelRecord): ModelFacts {
  let found = facts.get(model);
  if (found === undefined) {
    found = { family: familyOf(model), generative: isGenerative(model), testTraffic: isTestTraffic(model) };
    facts.set(model, found);
  }
  return found;
}

const memoized = new WeakMap<RegionLookup, RegionLookup>();

/**
 * A lookup that remembers its answers: a snapshot has far fewer authors than models, and the
 * curated lookup normalises the name on every call. One wrapper per lookup (lookups are immutable),
 * so results memoised per lookup (see `universeAggregates`) are shared across computations.
 */
export function memoizedLookup(lookup: RegionLookup): RegionLookup {
  const existing = memoized.get(lookup);
  if (existing !== undefined) return existing;
  const wrapper = createMemoizedLookup(lookup);
  memoized.set(lookup, wrapper);
  return wrapper;
}

function createMemoizedLookup(lookup: RegionLookup): RegionLookup {
  const regions = new Map<string, ReturnType<RegionLookup["regionOf"]>>();
  const countries = new Map<string, string | null>();
  return {
    regionOf(author) {
      let region = regions.get(author);
      if (region === undefined) {
        region = lookup.regionOf(author);
        regions.set(author, region);
      }
      return region;
    },
    countryOf(author) {
      let country = countries.get(author);
      if (country === undefined) {
        country = lookup.countryOf(author);
        countries.set(author, country);
      }
      return country;
    },
  };
}
