/**
 * Per-user cooldowns for expensive commands. In memory: a restart forgets them, which errs on the
 * side of answering. Old entries are swept as they are met, so memory stays bounded by activity.
 */
export interface Cooldowns {
  /** Milliseconds left before `userId` may run `command` again, or 0 (and the use is recorded). */
  take(command: string, userId: string, cooldownMs: number): number;
}

export function createCooldowns(clock: () => Date): Cooldowns {
  const lastUse = new Map<string, number>();
  let lastSweep = 0;
  return {
    take(command, userId, cooldownMs) {
      const now = clock().getTime();
      if (now - lastSweep > 60_000) {
        for (const [key, at] of lastUse) if (now - at > 3_600_000) lastUse.delete(key);
        lastSweep = now;
      }
      const key = `${command}:${userId}`;
      const previous = lastUse.get(key);
      if (previous !== undefined && now - previous < cooldownMs) return cooldownMs - (now - previous);
      lastUse.set(key, now);
      return 0;
    },
  };
}
