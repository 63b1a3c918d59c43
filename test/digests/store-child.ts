/**
 * Run by digest-store-processes.test.ts in separate Node processes, several at once:
 *   node --import tsx store-child.ts <db-path-or-url> <start-at-ms> create <guild-id> <count>
 *   node --import tsx store-child.ts <db-path-or-url> <start-at-ms> claim <digest-id> <periods,...>
 * Waits until start-at-ms (so that the processes act at the same moment), then creates `count`
 * digests in the guild, or claims each period, all at once, and prints what it got as JSON:
 * `{ "created": n, "refused": m }` or `{ "won": ["2026-W49", …] }`.
 */
import { pino } from "pino";
import { createDigestStore, DigestLimitError } from "../../src/services/digests/digest-store.js";
import { openDatabase } from "../../src/services/storage/database.js";
import { targetOf } from "../support/target-arg.js";
import { newDigest } from "./helpers.js";

const [where, startAt, action, subject, what] = process.argv.slice(2);
if (where === undefined || startAt === undefined || subject === undefined || what === undefined) {
  throw new Error(
    "usage: store-child.ts <db> <start-at-ms> create|claim <guild-id|digest-id> <count|periods>",
  );
}
const database = await openDatabase(targetOf(where), { logger: pino({ level: "silent" }) });
const store = createDigestStore(database, { clock: () => new Date("2026-11-20T10:00:00.000Z") });
while (Date.now() < Number(startAt)) {
  // Busy-wait: a timer's resolution would spread the processes' starts further apart.
}
let result: unknown;
if (action === "create") {
  const outcomes = await Promise.allSettled(
    Array.from({ length: Number(what) }, () => store.create(newDigest({ guildId: subject }))),
  );
  const refused = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof DigestLimitError);
  const failed = outcomes.filter((o) => o.status === "rejected" && !(o.reason instanceof DigestLimitError));
  if (failed.length > 0) throw (failed[0] as PromiseRejectedResult).reason;
  result = { created: outcomes.length - refused.length, refused: refused.length };
} else if (action === "claim") {
  const periods = what.split(",");
  const claims = await Promise.all(
    periods.map((period) => store.claim(Number(subject), period, new Date(), `pid-${process.pid}`)),
  );
  result = { won: claims.filter((claim) => claim !== null).map((claim) => claim?.period) };
} else {
  throw new Error(`unknown action ${action}`);
}
process.stdout.write(`${JSON.stringify(result)}\n`, () => void database.close());
