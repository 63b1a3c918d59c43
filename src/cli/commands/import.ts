import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SNAPSHOT_QUERY_PREFIX } from "../../services/snapshots/collector.js";
import { parseModelsFile } from "../../services/snapshots/import-file.js";
import { type CliCommand, UsageError } from "../context.js";

/** `hubtrends import FILE [--as-of ISO-DATE]`: a saved `/api/models` response as a snapshot. */
export const importCommand: CliCommand = async ({ args, services, clock, out }) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { "as-of": { type: "string" } },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0)
    throw new UsageError("usage: hubtrends import FILE [--as-of ISO-DATE]");
  const asOf = values["as-of"] === undefined ? clock() : new Date(values["as-of"]);
  if (Number.isNaN(asOf.getTime())) {
    throw new UsageError(
      `--as-of "${values["as-of"]}" is not a date; expected ISO 8601, e.g. 2026-05-04 or 2026-05-04T12:00:00Z`,
    );
  }
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
  if (parsed.models.length === 0)
    throw new UsageError(`${file}: no valid model rows (${parsed.skipped} skipped)`);
  const snapshot = services.store.save({
    takenAt: asOf,
    source: "import",
    models: parsed.models,
    skipped: parsed.skipped,
    note: `imported from ${file}`,
  });
  services.cache.invalidate(SNAPSHOT_QUERY_PREFIX);
  out(
    `Imported ${snapshot.modelCount} models from ${file} as snapshot ${snapshot.id} of ${snapshot.takenAt}` +
      ` (${parsed.skipped} rows skipped).`,
  );
  return 0;
};
