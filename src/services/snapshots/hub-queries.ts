import type { CachedValue, QueryCache } from "../cache/query-cache.js";
import type { DatasetSort, HubClient } from "../hub/hub-client.js";
import type { DatasetRecord, ModelRecord } from "../hub/types.js";

/**
 * Live Hub look-ups that snapshots do not hold (datasets, a model outside the snapshot), through
 * the query cache: concurrent identical misses share one request, and a Hub failure serves the
 * last good answer with its age.
 */
export interface HubQueries {
  topDatasets(sort: DatasetSort, limit: number): Promise<CachedValue<DatasetRecord[]>>;
  modelInfo(repoId: string): Promise<CachedValue<ModelRecord | null>>;
}

export function createHubQueries(deps: { hub: HubClient; cache: QueryCache }): HubQueries {
  const { hub, cache } = deps;
  return {
    topDatasets: (sort, limit) =>
      cache.get(
        `hub:datasets:${sort}:${limit}`,
        async () => (await hub.listTopDatasets({ sort, limit })).datasets,
      ),
    modelInfo: (repoId) => cache.get(`hub:model:${repoId.toLowerCase()}`, () => hub.modelInfo(repoId)),
  };
}
