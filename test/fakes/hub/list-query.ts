/**
 * The Hub's list endpoints (`GET /api/models`, `GET /api/datasets`) as a pure function of the
 * query string: validation with the Hub's kind of 400, filtering, sorting, cursor pagination and
 * field projection. Used by the fake Hub server.
 */

/** A row of the Hub's JSON, as given to the fake. */
export type Row = Readonly<Record<string, unknown>>;

/** What the real Hub would refuse: answered with 400 and `{ "error": message }`. */
export class BadRequestError extends Error {
  override readonly name = "BadRequestError";
}

export interface RepoKind {
  name: "models" | "datasets";
  /** Query parameters the endpoint takes; anything else is refused. */
  params: ReadonlySet<string>;
  /** Values `expand` accepts. */
  expandable: ReadonlySet<string>;
  /** Fields the Hub sends when neither `expand` nor `full` is given. */
  defaultFields: readonly string[];
}

export const SORTS = ["downloads", "likes", "trendingScore", "createdAt", "lastModified"] as const;
export type Sort = (typeof SORTS)[number];

const COMMON_PARAMS = [
  "limit",
  "sort",
  "direction",
  "author",
  "search",
  "filter",
  "expand",
  "expand[]",
  "full",
];

export const MODELS: RepoKind = {
  name: "models",
  params: new Set([...COMMON_PARAMS, "pipeline_tag", "cursor"]),
  // The library's MODEL_EXPANDABLE_KEYS, plus keys the Hub takes that the library does not list.
  expandable: new Set([
    ...["author", "cardData", "config", "createdAt", "disabled", "downloads", "downloadsAllTime"],
    ...["gated", "gitalyUid", "inferenceProviderMapping", "lastModified", "library_name", "likes"],
    ...["model-index", "pipeline_tag", "private", "safetensors", "sha", "spaces", "tags"],
    ...["transformersInfo", "trendingScore", "siblings", "baseModels", "gguf", "usedStorage"],
    ...["widgetData", "xetEnabled", "resourceGroup", "childrenModelCount", "inference"],
  ]),
  defaultFields: ["_id", "id", "likes", "trendingScore", "private", "downloads", "tags"].concat([
    "pipeline_tag",
    "library_name",
    "createdAt",
    "modelId",
  ]),
};

export const DATASETS: RepoKind = {
  name: "datasets",
  params: new Set([...COMMON_PARAMS, "cursor"]),
  expandable: new Set([
    ...["author", "cardData", "citation", "createdAt", "disabled", "description", "downloads"],
    ...["downloadsAllTime", "gated", "gitalyUid", "lastModified", "likes", "paperswithcode_id"],
    ...["private", "sha", "tags", "trendingScore", "usedStorage", "resourceGroup", "xetEnabled"],
  ]),
  defaultFields: [
    "_id",
    "id",
    "author",
    "disabled",
    "gated",
    "lastModified",
    "likes",
    "trendingScore",
  ].concat(["private", "sha", "description", "downloads", "tags", "createdAt"]),
};

export interface ListQuery {
  limit: number;
  offset: number;
  sort: Sort;
  descending: boolean;
  /** Fields of each row to send; null = every field (`full=true`). */
  fields: readonly string[] | null;
  /** Identifies the filtered and sorted list, to reuse it across pages. */
  selectionKey: string;
  select: (rows: readonly Row[]) => Row[];
}

export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ $offset: offset })).toString("base64url");
}

function decodeCursor(cursor: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof parsed === "object" && parsed !== null && "$offset" in parsed) {
      const offset = parsed.$offset;
      if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
    }
  } catch {
    // fall through to the error below
  }
  throw new BadRequestError(`Invalid cursor: ${cursor}`);
}

/** The `expand` values of a query (the Hub takes `expand` and `expand[]` alike). */
export function expandOf(params: URLSearchParams, kind: RepoKind): string[] {
  const expand = [...params.getAll("expand"), ...params.getAll("expand[]")];
  for (const [index, value] of expand.entries()) {
    if (!kind.expandable.has(value)) {
      throw new BadRequestError(`"expand[${index}]" must be one of [${[...kind.expandable].join(", ")}]`);
    }
  }
  return expand;
}

function sortValue(row: Row, sort: Sort): number {
  const value = row[sort];
  if (sort === "createdAt" || sort === "lastModified") {
    const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  }
  return typeof value === "number" ? value : Number.NEGATIVE_INFINITY;
}

function stringField(row: Row, field: string): string {
  const value = row[field];
  return typeof value === "string" ? value : "";
}

/** Parses and checks a list query as the Hub would; throws {@link BadRequestError}. */
export function parseListQuery(
  kind: RepoKind,
  params: URLSearchParams,
  pages: { defaultPageSize: number; maxPageSize: number },
): ListQuery {
  for (const key of new Set(params.keys())) {
    if (!kind.params.has(key)) throw new BadRequestError(`Invalid query parameter: ${key}`);
  }
  const rawLimit = params.get("limit");
  let limit = pages.defaultPageSize;
  if (rawLimit !== null) {
    if (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1) {
      throw new BadRequestError(`"limit" must be a positive integer, got ${rawLimit}`);
    }
    limit = Math.min(Number(rawLimit), pages.maxPageSize);
  }
  // Without a sort the Hub lists by trending score.
  const rawSort = params.get("sort") ?? "trendingScore";
  const sort = SORTS.find((s) => s === rawSort);
  if (!sort) throw new BadRequestError(`"sort" must be one of [${SORTS.join(", ")}]`);
  const direction = params.get("direction") ?? "-1";
  if (direction !== "-1" && direction !== "1") {
    throw new BadRequestError(`"direction" must be one of [-1, 1]`);
  }
  const full = params.get("full");
  if (full !== null && !["true", "false", "1", "0"].includes(full)) {
    throw new BadRequestError(`"full" must be a boolean`);
  }
  const expand = expandOf(params, kind);
  const fields =
    expand.length > 0
      ? ["_id", "id", ...expand]
      : full === "true" || full === "1"
        ? null
        : kind.defaultFields;
  const cursor = params.get("cursor");
  const offset = cursor === null ? 0 : decodeCursor(cursor);

  const author = params.get("author")?.toLowerCase() ?? null;
  const search = params.get("search")?.toLowerCase() ?? null;
  const pipelineTag = params.get("pipeline_tag");
  const filters = params.getAll("filter");
  const descending = direction === "-1";
  const selectionKey = JSON.stringify([kind.name, sort, direction, author, search, pipelineTag, filters]);
  const select = (rows: readonly Row[]): Row[] =>
    rows
      .filter((row) => {
        const id = stringField(row, "id").toLowerCase();
        if (author !== null && id.split("/")[0] !== author) return false;
        if (search !== null && !id.includes(search)) return false;
        if (pipelineTag !== null && row.pipeline_tag !== pipelineTag) return false;
        const tags = Array.isArray(row.tags) ? row.tags : [];
        return filters.every((tag) => tags.includes(tag));
      })
      .sort(
        (a, b) =>
          (descending ? sortValue(b, sort) - sortValue(a, sort) : sortValue(a, sort) - sortValue(b, sort)) ||
          0,
      );
  return { limit, offset, sort, descending, fields, selectionKey, select };
}

/** The row with only the fields asked for; absent fields stay absent, as on the Hub. */
export function project(row: Row, fields: readonly string[] | null): Record<string, unknown> {
  if (fields === null) return { ...row };
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (row[field] !== undefined) out[field] = row[field];
  }
  return out;
}
