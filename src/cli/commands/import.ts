import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SNAPSHOT_QUERY_PREFIX } from "../../services/snapshots/collector.js";
import { FILE_DATE_KEYS, importProblem, parseModelsFile } from "../../services/snapshots/import-file.js";
import { parseStrictIsoDate } from "../../services/snapshots/strict-iso-date.js";
import { type CliCommand, UsageError } from "../context.js";

const USAGE = "usage: hubtrends import FILE [--as-of ISO-DATE] [--replace]";

/**
 * `hubtrends import FILE [--as-of ISO-DATE] [--replace]`: a saved `/api/models` response as a
 * snapshot. Imports backfill history, so nothing doubtful gets in: the date is strict ISO 8601 and
 * not in the future (the file's own `date`/`fetched_at`/`fetchedAt` when `--as-of` is absent);
 * another snapshot at the same time is refused unless `--replace`; and a file with more than 10% of
 * invalid rows, or fewer than 10 valid ones, is refused with the counts.
 */
export const importCommand: CliCommand = async ({ args, services, clock, out }) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { "as-of": { type: "string" }, replace: { type: "boolean", default: false } },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError(USAGE);
  const given = values["as-of"];
  const asOfOption = given === undefined ? null : parseStrictIsoDate(given);
  if (asOfOption !== null && !asOfOption.ok) throw new UsageError(`--as-of "${given}": ${asOfOption.reason}`);

  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let parsed: ReturnType<typeof parseModelsFile>;
  try {
    parsed = parseModelsFile(text);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }

  let asOf: Date;
  if (asOfOption !== null) {
    asOf = asOfOption.date;
  } else if (parsed.fileDate === null) {
    throw new UsageError(
      `${file} states no date (${FILE_DATE_KEYS.join(", ")}): say when it was read with --as-of ISO-DATE`,
    );
  } else if (!parsed.fileDate.ok) {
    throw new UsageError(`${file}: its "${parsed.fileDate.key}" is not a date: ${parsed.fileDate.reason}`);
  } else {
    asOf = parsed.fileDate.date;
  }
  const now = clock();
  if (asOf.getTime() > now.getTime()) {
    throw new UsageError(
      `the snapshot date ${asOf.toISOString()} is in the future (now ${now.toISOString()}): a snapshot records what the Hub said`,
    );
  }
  const problem = importProblem(parsed);
  if (problem !== null) throw new UsageError(`${file} refused: ${problem}`);

  const existing = await services.store.between(asOf, asOf);
  if (existing.length > 0 && !values.replace) {
    const ids = existing.map((meta) => meta.id).join(", ");
    throw new UsageError(
      `a snapshot of ${asOf.toISOString()} exists already (id ${ids}): pass --replace to replace it`,
    );
  }
  const input = {
    takenAt: asOf,
    source: "import" as const,
    models: parsed.models,
    skipped: parsed.skipped,
    note: `imported from ${file}`,
  };
  const { snapshot, replaced } = values.replace
    ? await services.store.replace(input)
    : { snapshot: await services.store.save(input), replaced: 0 };
  services.cache.invalidate(SNAPSHOT_QUERY_PREFIX);
  out(
    `Imported ${snapshot.modelCount} models from ${file} as snapshot ${snapshot.id} of ${snapshot.takenAt}` +
      ` (${parsed.skipped} rows skipped${replaced > 0 ? `, replacing ${replaced} snapshot${replaced === 1 ? "" : "s"}` : ""}).`,
  );
  return 0;
};
