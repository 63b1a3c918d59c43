import type { DATASET_EXPAND_KEYS, DATASET_EXPANDABLE_KEYS } from "@huggingface/hub";
import {
  HubApiError,
  modelInfo as libraryModelInfo,
  listDatasets,
  listModels,
  type ModelAdditionalField,
} from "@huggingface/hub";
import type { Logger } from "pino";
import { HubRequestError, HubResponseFormatError } from "./errors.js";
import { EMPTY_LIST, mergeModelLists, walkList } from "./model-lists.js";
import { type ExpectedBody, guardJsonBodies } from "./response-guard.js";
import {
  createRetryingFetch,
  parseRateLimit,
  type RateLimitState,
  type RetryingFetchOptions,
} from "./retrying-fetch.js";
import type { CollectionResult, DatasetRecord, ModelRecord } from "./types.js";
import { REPO_ID_PATTERN, toDatasetRecord, toModelRecord } from "./wire.js";

/** Retry policy of the client: {@link RetryingFetchOptions} without what the client supplies. */
export type HubRetryOptions = Omit<RetryingFetchOptions, "fetch" | "logger" | "onRequest">;

export interface HubClientOptions {
  /** `https://huggingface.co`, or a stand-in. */
  hubUrl: string;
  /** A Hub token (`hf_...`); raises the rate limits. Never logged. */
  accessToken?: string;
  /** The bare transport; the client adds retries (see `retry`) and counts every request. */
  fetch: typeof fetch;
  logger: Logger;
  retry?: HubRetryOptions;
}

export interface CollectModelsOptions {
  /** How many of the most downloaded models to fetch (0..10,000). */
  topN: number;
  /** How many trending models to fetch (0..10,000). */
  trendingN: number;
  /** Newest models are fetched back to this many weeks before `now`... */
  newWeeks: number;
  /** ...but no more than this many. */
  newLimit: number;
  now: Date;
}

export type DatasetSort = "downloads" | "likes" | "trendingScore";

/** Read access to the Hub for the stats engine and the commands. */
export interface HubClient {
  /**
   * One collection run: top by downloads, trending and newest, deduplicated by repo id into one
   * list (downloads order, then trending-only, then new-only). A rank is the model's 1-based
   * position in the Hub's list, malformed records included, so a skipped record leaves a gap.
   * Rejects, returning nothing partial, when any page fails or is malformed.
   */
  collectModels(options: CollectModelsOptions): Promise<CollectionResult>;
  listTopDatasets(options: { sort: DatasetSort; limit: number }): Promise<{
    datasets: DatasetRecord[];
    skipped: number;
  }>;
  /** One model, or null when the Hub has none by that id (or the id cannot name a repo). */
  modelInfo(repoId: string): Promise<ModelRecord | null>;
  /**
   * The newest public models of one namespace (organisation or user), newest first: one request
   * (`author=`, `sort=createdAt`, `limit` at most 500), for watches. `rateLimit` is what the Hub's
   * `RateLimit` header said of the window, when it said.
   */
  listNewestModels(owner: string, limit: number): Promise<NewestModels>;
}

/** What {@link HubClient.listNewestModels} brought back. */
export interface NewestModels {
  models: ModelRecord[];
  skipped: number;
  requests: number;
  rateLimit: RateLimitState | null;
}

/** The most one watch query asks for: one page of the Hub's. */
export const MAX_NEWEST_LIMIT = 500;

/** The most of one list we ask for: 20 pages of 500, a few seconds against the Hub. */
export const MAX_LIST_LENGTH = 10_000;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

type DatasetAdditionalField = Exclude<
  (typeof DATASET_EXPANDABLE_KEYS)[number],
  (typeof DATASET_EXPAND_KEYS)[number]
>;

// `trendingScore` is a valid expand key on the Hub but missing from the library's field types
// (see PITFALLS.md); the answers are validated by zod anyway, so widening the key lists is safe.
const TRENDING_SCORE = "trendingScore" as string as ModelAdditionalField;
// downloads, likes and pipeline_tag (as `task`) come anyway: the library always expands them.
// `tags` is the full list (list rows are not cut; the reference file's 30 are its collector's cut)
// and `cardData` carries the card's `base_model`: both feed lineage (src/services/method/). The
// library copies `cardData` raw; the mapper keeps only `base_model` of it.
const MODEL_FIELDS: ModelAdditionalField[] = [
  "author",
  "downloadsAllTime",
  TRENDING_SCORE,
  "createdAt",
  "library_name",
  "tags",
  "safetensors",
  "cardData",
];
const DATASET_FIELDS: DatasetAdditionalField[] = [
  "author",
  "createdAt",
  "tags",
  "trendingScore" as string as DatasetAdditionalField,
];

function checkCount(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be an integer from 0 to ${max}, got ${value}`);
  }
}

/** Turns the library's HubApiError into our error with status, URL and request id in the message. */
function wrapLibraryError(error: unknown): unknown {
  if (!(error instanceof HubApiError)) return error;
  const data: unknown = error.data;
  const said =
    typeof data === "object" && data !== null && "error" in data && typeof data.error === "string"
      ? data.error
      : null;
  return new HubRequestError(
    { status: error.statusCode, url: error.url, requestId: error.requestId ?? null, hubMessage: said },
    { cause: error },
  );
}

/** Creates a {@link HubClient} on top of @huggingface/hub. */
export function createHubClient(options: HubClientOptions): HubClient {
  const { accessToken, logger } = options;
  // The library appends `/api/...` to it as it is.
  const hubUrl = options.hubUrl.replace(/\/+$/, "");

  /** Per call: one abort switch and one request counter over retrying, guarded fetches. */
  function startRun() {
    const controller = new AbortController();
    let requests = 0;
    const retrying = createRetryingFetch({
      ...options.retry,
      fetch: options.fetch,
      logger,
      onRequest: () => {
        requests++;
      },
    });
    const withAbort: typeof fetch = (input, init) => retrying(input, { ...init, signal: controller.signal });
    return {
      fetchFor: (expected: ExpectedBody) => guardJsonBodies(withAbort, expected),
      abort: () => controller.abort(),
      requests: () => requests,
    };
  }

  async function collectModels(collect: CollectModelsOptions): Promise<CollectionResult> {
    checkCount("topN", collect.topN, MAX_LIST_LENGTH);
    checkCount("trendingN", collect.trendingN, MAX_LIST_LENGTH);
    checkCount("newLimit", collect.newLimit, MAX_LIST_LENGTH);
    if (!(collect.newWeeks >= 0)) throw new RangeError(`newWeeks must be >= 0, got ${collect.newWeeks}`);
    const cutoffMs = collect.now.getTime() - collect.newWeeks * WEEK_MS;
    if (Number.isNaN(cutoffMs)) throw new RangeError("now must be a valid date");
    const run = startRun();
    const list = (
      sort: "downloads" | "trendingScore" | "createdAt",
      limit: number,
      stop?: (record: ModelRecord) => boolean,
    ) => {
      // The library treats limit 0 as "one": do not ask at all.
      if (limit === 0) return Promise.resolve(EMPTY_LIST);
      const items = listModels({
        hubUrl,
        accessToken,
        fetch: run.fetchFor("array"),
        sort,
        limit,
        additionalFields: MODEL_FIELDS,
      });
      return walkList(items, toModelRecord, { label: sort, logger, stop });
    };
    // The first failure stops the other lists; we wait for them to wind down so that nothing is
    // still running once the call has rejected.
    const failures: unknown[] = [];
    const guard = <T>(promise: Promise<T>): Promise<T> =>
      promise.catch((error: unknown) => {
        if (failures.push(error) === 1) run.abort();
        throw error;
      });
    const [top, trending, newest] = await Promise.allSettled([
      guard(list("downloads", collect.topN)),
      guard(list("trendingScore", collect.trendingN)),
      // Newest first: the first one created before the cutoff ends the list.
      guard(
        list(
          "createdAt",
          collect.newLimit,
          (m) => m.createdAt !== null && Date.parse(m.createdAt) < cutoffMs,
        ),
      ),
    ]);
    if (
      failures.length > 0 ||
      top.status === "rejected" ||
      trending.status === "rejected" ||
      newest.status === "rejected"
    ) {
      throw wrapLibraryError(failures[0]);
    }

    const merged = mergeModelLists(top.value, trending.value, newest.value);
    const result: CollectionResult = { ...merged, requests: run.requests() };
    logger.info(
      { models: result.models.length, skipped: result.skipped, requests: result.requests },
      "Collected models from the Hub",
    );
    return result;
  }

  async function listTopDatasets(query: { sort: DatasetSort; limit: number }) {
    checkCount("limit", query.limit, MAX_LIST_LENGTH);
    if (query.limit === 0) return { datasets: [], skipped: 0 };
    const run = startRun();
    try {
      const items = listDatasets({
        hubUrl,
        accessToken,
        fetch: run.fetchFor("array"),
        sort: query.sort,
        limit: query.limit,
        additionalFields: DATASET_FIELDS,
      });
      const label = `datasets:${query.sort}`;
      const { entries, skipped } = await walkList(items, toDatasetRecord, { label, logger });
      return { datasets: entries.map((entry) => entry.record), skipped: skipped.length };
    } catch (error) {
      throw wrapLibraryError(error);
    }
  }

  async function modelInfo(repoId: string): Promise<ModelRecord | null> {
    // The library pastes the id into the path as it is: refuse what could not be a repo id.
    if (!REPO_ID_PATTERN.test(repoId)) return null;
    const run = startRun();
    let item: unknown;
    try {
      item = await libraryModelInfo({
        name: repoId,
        hubUrl,
        accessToken,
        fetch: run.fetchFor("object"),
        additionalFields: MODEL_FIELDS,
      });
    } catch (error) {
      const wrapped = wrapLibraryError(error);
      // The Hub answers 401 "Repository not found" instead of 404 to anonymous callers at times.
      if (
        wrapped instanceof HubRequestError &&
        (wrapped.status === 404 ||
          (wrapped.status === 401 && /repository not found/i.test(wrapped.hubMessage ?? "")))
      ) {
        return null;
      }
      throw wrapped;
    }
    const mapped = toModelRecord(item);
    if (!mapped.ok) {
      // One record asked for by name: skipping it would read as "not found", which it is not.
      throw new HubResponseFormatError(`the model record is malformed (${mapped.reason})`, {
        status: 200,
        url: `${hubUrl}/api/models/${repoId}/revision/HEAD`,
        requestId: null,
      });
    }
    return mapped.record;
  }

  async function listNewestModels(owner: string, limit: number): Promise<NewestModels> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NEWEST_LIMIT) {
      throw new RangeError(`limit must be an integer from 1 to ${MAX_NEWEST_LIMIT}, got ${limit}`);
    }
    const run = startRun();
    let rateLimit: RateLimitState | null = null;
    const guarded = run.fetchFor("array");
    // The library reads only the body: keep what the headers say of the rate-limit window.
    const tapped: typeof fetch = async (input, init) => {
      const response = await guarded(input, init);
      rateLimit = parseRateLimit(response.headers.get("ratelimit")) ?? rateLimit;
      return response;
    };
    try {
      const items = listModels({
        hubUrl,
        accessToken,
        fetch: tapped,
        search: { owner },
        sort: "createdAt",
        limit,
        additionalFields: MODEL_FIELDS,
      });
      const { entries, skipped } = await walkList(items, toModelRecord, { label: `newest:${owner}`, logger });
      return {
        models: entries.map((entry) => entry.record),
        skipped: skipped.length,
        requests: run.requests(),
        rateLimit,
      };
    } catch (error) {
      throw wrapLibraryError(error);
    }
  }

  return { collectModels, listTopDatasets, modelInfo, listNewestModels };
}
