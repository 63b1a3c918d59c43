import type { Delivery, Digest } from "./digest-store.js";
import { nextPostTimes, periodOf } from "./schedule.js";

/** Occurrences looked at to find `count` that will post: a done period drops at most one a week. */
const LOOKAHEAD_SLACK = 2;

/**
 * The next `count` times the digest will post, as `/digest set` and `/digest show` tell admins:
 * occurrences after `now` (and not before `scheduleFrom`), minus those whose period is already
 * done (posted, say by `/digest send-now`, or given up), since a period posts once. Empty when
 * the digest does not run (off or paused).
 */
export async function upcomingPosts(
  digest: Digest,
  now: Date,
  count: number,
  deliveryOf: (period: string) => Promise<Delivery | null>,
): Promise<{ at: Date; period: string }[]> {
  if (!digest.enabled || digest.pausedReason !== null || count <= 0) return [];
  const from = new Date(Math.max(now.getTime(), Date.parse(digest.scheduleFrom) - 1));
  const upcoming: { at: Date; period: string }[] = [];
  for (const at of nextPostTimes(digest, from, count + LOOKAHEAD_SLACK)) {
    const period = periodOf(digest, at);
    const status = (await deliveryOf(period))?.status;
    if (status === "posted" || status === "skipped") continue;
    upcoming.push({ at, period });
    if (upcoming.length === count) break;
  }
  return upcoming;
}
