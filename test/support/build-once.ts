import { ensureBuilt } from "../../bin/ensure-build.js";

/**
 * vitest's global setup: brings dist/ up to date before any test file runs, so that tests which run
 * `bin/hubtrends.js` (which runs dist/) do not each wait for the first compile of a fresh clone
 * inside their own timeouts.
 */
export default function setup(): void {
  ensureBuilt();
}
