import { EXACT_WINDOW_TOLERANCE_MS } from "../stats/week-over-week.js";

const WEEK_MS = 7 * 86_400_000;

/** The least a window choice needs to know of a snapshot. */
export interface WindowCandidate {
  id: number;
  /** ISO time the snapshot was taken. */
  takenAt: string;
}

/** The snapshot a window compares with, and whether it is the one asked for or the nearest there was. */
export interface WindowChoice<T extends WindowCandidate> {
  snapshot: T;
  /** Within ±12 h of exactly `windowWeeks` earlier. */
  exact: boolean;
}

/**
 * Which older snapshot "N weeks ago" compares `current` with, so that a label never claims more
 * than was compared:
 *
 * 1. the snapshot nearest to exactly N weeks earlier, if one is within ±12 h (ties: the earlier
 *    one, then the later saved): exact;
 * 2. else the oldest snapshot taken after that, i.e. less history than asked (15 days of history
 *    and a 12-week window compare with the snapshot of 15 days ago): the span is said;
 * 3. else, when there is a gap around the target and nothing since, the newest one before it.
 *
 * Null only when there is no older snapshot at all. `candidates` are snapshots taken before
 * `current` in any order (more than needed is fine); `current` itself is ignored if present.
 * Collection every 6 h or every day, gaps and imports all go through the same rule.
 */
export function pickComparison<T extends WindowCandidate>(
  current: WindowCandidate,
  windowWeeks: number,
  candidates: readonly T[],
): WindowChoice<T> | null {
  const nowMs = Date.parse(current.takenAt);
  const targetMs = nowMs - windowWeeks * WEEK_MS;
  const older = candidates
    .filter((c) => c.id !== current.id && Date.parse(c.takenAt) < nowMs)
    .map((c) => ({ c, ms: Date.parse(c.takenAt) }))
    .sort((a, b) => a.ms - b.ms || a.c.id - b.c.id);
  if (older.length === 0) return null;

  let nearest: { c: T; ms: number } | undefined;
  for (const entry of older) {
    const off = Math.abs(entry.ms - targetMs);
    if (off > EXACT_WINDOW_TOLERANCE_MS) continue;
    if (nearest === undefined || off < Math.abs(nearest.ms - targetMs)) nearest = entry;
    else if (off === Math.abs(nearest.ms - targetMs) && entry.ms === nearest.ms) nearest = entry;
  }
  if (nearest !== undefined) return { snapshot: nearest.c, exact: true };

  const after = older.find((entry) => entry.ms > targetMs);
  if (after !== undefined) return { snapshot: after.c, exact: false };
  const before = older.at(-1);
  return before === undefined ? null : { snapshot: before.c, exact: false };
}

/** The range of `takenAt` that holds every snapshot {@link pickComparison} may choose, but one. */
export function comparisonRange(currentTakenAt: string, windowWeeks: number): { from: Date; to: Date } {
  const nowMs = Date.parse(currentTakenAt);
  return {
    from: new Date(nowMs - windowWeeks * WEEK_MS - EXACT_WINDOW_TOLERANCE_MS),
    to: new Date(nowMs),
  };
}
