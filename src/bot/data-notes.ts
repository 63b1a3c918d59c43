import type { Locale } from "../services/format/locale.js";
import { type CollectionStatus, collectionFailureKind } from "../services/snapshots/collection-schedule.js";
import { NoDataError } from "../services/snapshots/trends-service.js";
import { noDataAnswer, staleDataNote } from "./fault-text.js";
import { UserFacingError } from "./user-facing-error.js";

const HOUR_MS = 3_600_000;

/** "3 h" / "2 d": how old data is, for footers. */
export function formatAge(ms: number): string {
  if (ms < HOUR_MS) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (ms < 48 * HOUR_MS) return `${Math.round(ms / HOUR_MS)} h`;
  return `${Math.round(ms / (24 * HOUR_MS))} d`;
}

/**
 * A footer note when the figures are older than they should be because collection is failing,
 * saying why (the Hub down, its answer refused, the disk full).
 */
export function staleNote(
  dataAgeMs: number,
  status: CollectionStatus,
  locale: Locale = "en-US",
): string | undefined {
  const failure = status.lastFailureKind();
  return failure === null ? undefined : staleDataNote(formatAge(dataAgeMs), failure, locale);
}

/**
 * Runs a query that needs snapshot data; when there is none and the Hub is down, says so with the
 * time of the next attempt instead of an apology.
 */
export async function withData<T>(
  query: () => Promise<T>,
  status: CollectionStatus,
  clock: () => Date,
  locale: Locale = "en-US",
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
    throw new UserFacingError("no-data", noDataAnswer(failure, when, locale));
  }
}
