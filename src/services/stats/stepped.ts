import { setImmediate as yieldToEventLoop } from "node:timers/promises";

/**
 * A computation written as a generator that pauses (yields nothing) wherever the event loop may
 * run: between the passes of an aggregation and every {@link SLICE} models inside one. The same
 * steps run to the end at once ({@link runToEnd}: the pure, synchronous functions) or a few
 * milliseconds at a time ({@link runSliced}: what the bot does, so no answer blocks the others).
 * Either way the result is the same, computed by the same code.
 */
export type Steps<T> = Generator<void, T, undefined>;

/** Models between two pauses: well under a millisecond of work each here. */
export const SLICE = 500;

/** Runs every step at once and returns the result. */
export function runToEnd<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (next.done !== true) next = steps.next();
  return next.value;
}

/**
 * Runs the steps, letting the event loop run whenever `budgetMs` of work has gone by since it
 * last did, so that no block is much longer than the budget plus one step.
 */
export async function runSliced<T>(steps: Steps<T>, budgetMs = 8): Promise<T> {
  let since = performance.now();
  let next = steps.next();
  while (next.done !== true) {
    if (performance.now() - since >= budgetMs) {
      await yieldToEventLoop();
      since = performance.now();
    }
    next = steps.next();
  }
  return next.value;
}

/** Visits every item, pausing every {@link SLICE} of them. */
export function* eachSliced<T>(items: readonly T[], visit: (item: T) => void): Steps<void> {
  for (let i = 0; i < items.length; i += 1) {
    visit(items[i] as T);
    if ((i + 1) % SLICE === 0) yield;
  }
}
