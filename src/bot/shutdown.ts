/**
 * How long a shutdown may wait for work under way before the process exits anyway. A healthy stop
 * takes well under a second; `docker stop` sends SIGKILL 10 s after SIGTERM, so 8 s leaves time to
 * close the database and say why before that.
 */
export const SHUTDOWN_DEADLINE_MS = 8_000;

/** How a shutdown ended: everything stopped, or the deadline came first. */
export type StopOutcome = "finished" | "abandoned";

/**
 * Runs `stop`, waiting for it at most `deadlineMs`. A peer that stopped answering behind an open
 * connection can hold a graceful stop for as long as the connection lives (discord.js waits 30 s
 * for a close frame that never comes); past the deadline the work is abandoned, which is safe:
 * every database write is a transaction, and a digest claimed but not recorded is taken over and
 * checked against the channel on the next start. A failing `stop` counts as finished (it ended);
 * the caller logs it.
 */
export async function stopWithin(
  stop: () => Promise<void>,
  deadlineMs: number,
  onStopError: (error: unknown) => void,
): Promise<StopOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<StopOutcome>((resolve) => {
    timer = setTimeout(() => resolve("abandoned"), deadlineMs);
  });
  const stopped = stop().then(
    (): StopOutcome => "finished",
    (error: unknown): StopOutcome => {
      onStopError(error);
      return "finished";
    },
  );
  try {
    return await Promise.race([stopped, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
