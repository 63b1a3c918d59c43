/**
 * Which interactions have already arrived. The gateway delivers at least once: around a resume it
 * can send an INTERACTION_CREATE the bot already has, and handling both races two answers to one
 * interaction (the duplicate's quick cooldown answer could win, and the real one be refused with
 * 40060 "already acknowledged"). Each id is handled the first time only.
 */
export interface SeenInteractions {
  /** True the first time `id` is seen (and remembers it); false for a repeat. */
  firstTime(id: string): boolean;
}

/** An interaction can be answered for 15 minutes (its token's life): no repeat matters after that. */
const DEFAULT_REMEMBER_MS = 15 * 60_000;
/**
 * A bound on memory whatever the traffic: 50,000 ids (a few MB) is over 50 interactions a second
 * for the whole 15 minutes. Past it, the oldest are forgotten first.
 */
const DEFAULT_MAX_REMEMBERED = 50_000;

export function createSeenInteractions(options: {
  clock: () => Date;
  rememberMs?: number;
  maxRemembered?: number;
}): SeenInteractions {
  const { clock, rememberMs = DEFAULT_REMEMBER_MS, maxRemembered = DEFAULT_MAX_REMEMBERED } = options;
  // Insertion order is arrival order, so the oldest are at the front.
  const seenAt = new Map<string, number>();
  return {
    firstTime(id) {
      const now = clock().getTime();
      for (const [oldId, at] of seenAt) {
        if (now - at < rememberMs && seenAt.size < maxRemembered) break;
        seenAt.delete(oldId);
      }
      if (seenAt.has(id)) return false;
      seenAt.set(id, now);
      return true;
    },
  };
}
