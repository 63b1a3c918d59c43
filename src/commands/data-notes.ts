import { formatAge } from "../bot/answers.js";
import { type Later, later } from "../bot/command.js";
import type { CommandServices } from "../bot/command-services.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import type { Translator } from "../locales/index.js";
import type { CachedValue } from "../services/cache/query-cache.js";
import { HubRequestError, HubResponseFormatError, HubUnavailableError } from "../services/hub/errors.js";
import { type CollectionStatus, collectionFailureKind } from "../services/snapshots/collection-schedule.js";
import { NoDataError } from "../services/snapshots/trends-service.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";

/**
 * A footer note when the figures are older than they should be because collection is failing,
 * saying why (the Hub down, its answer refused, the disk full).
 */
export function staleNote(dataAgeMs: number, status: CollectionStatus, t: Translator): string | undefined {
  const failure = status.lastFailureKind();
  return failure === null ? undefined : t(`data.stale.${failure}`, { age: formatAge(dataAgeMs, t) });
}

/** The note of {@link staleNote} for figures taken at `asOf` (ISO). */
export function staleNoteAt(
  asOf: string,
  services: Pick<CommandServices, "clock" | "collection">,
  t: Translator,
) {
  return staleNote(services.clock().getTime() - Date.parse(asOf), services.collection, t);
}

/**
 * Runs a query that needs snapshot data; when there is none and collecting failed, says why (the
 * Hub down, its answer refused, the disk full) with the time of the next attempt instead of an
 * apology.
 */
export async function withData<T>(
  query: () => Promise<T>,
  status: CollectionStatus,
  clock: () => Date,
): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (!(error instanceof NoDataError)) throw error;
    const next = status.nextAttemptAt();
    const when =
      next === null || next.getTime() <= clock().getTime()
        ? null
        : `<t:${Math.floor(next.getTime() / 1000)}:R>`;
    const failure = status.lastFailureKind() ?? collectionFailureKind(error.cause);
    throw new UserFacingError(`data.none.${failure}`, { when });
  }
}

/**
 * A live Hub look-up (through the query cache) whose failure the user is told about in words:
 * "the Hub can't be reached" rather than an apology with an error id, since it is not our bug.
 */
export async function fromHub<T>(
  load: () => Promise<CachedValue<T>>,
  refusal: "hub.unavailable.datasets" | "hub.unavailable.model",
): Promise<CachedValue<T>> {
  try {
    return await load();
  } catch (error) {
    if (
      error instanceof HubUnavailableError ||
      error instanceof HubRequestError ||
      error instanceof HubResponseFormatError
    ) {
      throw new UserFacingError(refusal);
    }
    throw error;
  }
}

/**
 * A check of the input against the newest snapshot: made from memory when one is stored, so a bad
 * input (an unknown model, task or organisation) is refused before anything is sent; otherwise
 * later, once one is collected (that reaches the Hub), and then a refusal edits the deferral. A
 * check that must compute a little first (in slices) returns a promise, awaited within the answer
 * budget like a database read.
 */
export function againstSnapshot<Plan>(
  services: CommandServices,
  check: (snapshot: Snapshot) => Plan | Promise<Plan>,
):
  | { plan: Plan; snapshot: Snapshot }
  | Promise<{ plan: Plan; snapshot: Snapshot }>
  | Later<{ plan: Plan; snapshot: Snapshot }> {
  const stored = services.trends.newestStored();
  if (stored !== null) {
    const plan = check(stored);
    return plan instanceof Promise
      ? plan.then((ready) => ({ plan: ready, snapshot: stored }))
      : { plan, snapshot: stored };
  }
  return later(async () => {
    const snapshot = await withData(
      () => services.trends.latestSnapshot(),
      services.collection,
      services.clock,
    );
    return { plan: await check(snapshot), snapshot };
  });
}
