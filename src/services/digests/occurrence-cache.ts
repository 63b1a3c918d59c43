import { type DigestSchedule, latestOccurrenceAtOrBefore, nextPostTimes, periodOf } from "./schedule.js";

/** A schedule's latest occurrence at or before some instant, and that occurrence's period. */
export interface LatestOccurrence {
  latest: Date;
  period: string;
}

/**
 * Latest occurrences by schedule. Asking croner and Intl costs about a millisecond (they build
 * time-zone formatters), which 1,000 digests a minute would turn into a second of blocked event
 * loop; digests share schedules, and an answer holds for a week.
 */
export interface OccurrenceCache {
  /** The same as `latestOccurrenceAtOrBefore` and `periodOf`, from the cache when it can. */
  latest(schedule: DigestSchedule, now: Date): LatestOccurrence;
  /** Forgets the answers that no longer hold at `now`, so schedules no digest uses do not pile up. */
  prune(now: Date): void;
}

/** An answer, valid from `latest` until `next`. */
interface Window extends LatestOccurrence {
  next: Date;
}

export function createOccurrenceCache(): OccurrenceCache {
  const windows = new Map<string, Window>();
  return {
    latest(schedule, now) {
      const key = `${schedule.day} ${schedule.time} ${schedule.timezone}`;
      const cached = windows.get(key);
      if (cached !== undefined && cached.latest <= now && now < cached.next) return cached;
      const latest = latestOccurrenceAtOrBefore(schedule, now);
      const period = periodOf(schedule, latest);
      const [next] = nextPostTimes(schedule, now, 1);
      if (next !== undefined) windows.set(key, { latest, period, next });
      return { latest, period };
    },
    prune(now) {
      for (const [schedule, window] of windows) if (window.next <= now) windows.delete(schedule);
    },
  };
}
