import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import type { TrendStats } from "../stats/types.js";
import type { AnswerStore } from "../storage/answer-store.js";

/**
 * Computed `/trends` answers of the newest snapshot, kept in the database beside it, so that a
 * process that has just started answers from one row: `hubtrends stats --window 12` on 180
 * snapshots of 10,000 models took 260 ms computing (92 ms of it reading the newest snapshot's
 * models) and takes a few milliseconds reading (`npm run bench scale`). The scheduler stores the
 * most asked ones when it warms up after a collection; any process stores what it computes.
 *
 * An answer is trusted only from the snapshot set it was computed over (the change mark: another
 * snapshot imported in the window compares otherwise) and from the very code and attribution data
 * that computed it (`version`): any change to the services' code, as deployed, is another version,
 * so an upgrade never serves answers of the code it replaced.
 */
export interface StoredAnswers {
  /** The answer stored for the query over this snapshot and snapshot set; null when none (or unreadable). */
  read(place: AnswerPlace, query: string): Promise<TrendStats | null>;
  /** Stores it; a failure is logged and otherwise ignored (the answer is given all the same). */
  keep(place: AnswerPlace, query: string, answer: TrendStats): Promise<void>;
}

/** The snapshot an answer is from and the change mark of the snapshot set it was computed over. */
export interface AnswerPlace {
  snapshotId: number;
  mark: string;
}

export function createStoredAnswers(deps: {
  store: AnswerStore;
  /** What computed the answers (see {@link answerVersion}); asked once, at once. */
  version: () => Promise<string>;
  logger: Logger;
}): StoredAnswers {
  const { store, logger } = deps;
  // Worked out at once, while the process does its other starting work: ~15 ms of file reads.
  const version = deps.version();
  version.catch(() => {}); // reported by each attempt that awaits it
  // Neither reading nor storing an answer may fail one: the answer is then computed (again).
  async function attempt<T>(failed: string, fallback: T, work: (version: string) => Promise<T>): Promise<T> {
    try {
      return await work(await version);
    } catch (error) {
      logger.warn({ err: error }, failed);
      return fallback;
    }
  }
  return {
    read: (place, query) =>
      attempt("could not read a stored answer; computing it instead", null, (v) =>
        store.get({ ...place, query, version: v }),
      ),
    keep: (place, query, answer) =>
      attempt("could not store a computed answer; it is computed again when next asked", undefined, (v) =>
        store.put({ ...place, query, version: v }, answer),
      ),
  };
}

/**
 * The version of answers computed by this build over this attribution data: a digest of every file
 * of the services (as deployed: `dist/services` when compiled, `src/services` under tsx) and of the
 * attribution data. Reading the ~130 files takes ~15 ms here, in parallel, once per process.
 */
export async function answerVersion(attributionData: unknown): Promise<string> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
  const contents = await Promise.all(
    files.map(async (file) => ({ file, bytes: await readFile(join(root, file)) })),
  );
  const hash = createHash("sha256").update(JSON.stringify(attributionData));
  for (const { file, bytes } of contents) hash.update(file).update(bytes);
  return hash.digest("hex").slice(0, 16);
}
