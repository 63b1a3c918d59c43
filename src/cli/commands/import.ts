import { readFileSync } from "node:fs";
import { render } from "../../locales/index.js";
import { formatUtcMinute } from "../../services/format/dates.js";
import { SNAPSHOT_QUERY_PREFIX } from "../../services/snapshots/collector.js";
import {
  FILE_DATE_KEYS,
  type ImportedModels,
  ImportFileError,
  importProblem,
  parseModelsFile,
} from "../../services/snapshots/import-file.js";
import { parseStrictIsoDate } from "../../services/snapshots/strict-iso-date.js";
import { storedAggregatesOf } from "../../services/stats/stored-aggregates.js";
import { UsageError } from "../context.js";
import { defineCliCommand } from "../spec.js";
import { fileProblem } from "./files.js";

/**
 * `hubtrends import FILE [--as-of ISO-DATE] [--replace]`: a saved `/api/models` response as a
 * snapshot. Imports backfill history, so nothing doubtful gets in: the date is strict ISO 8601 and
 * not in the future (the file's own `date`/`fetched_at`/`fetchedAt` when `--as-of` is absent);
 * another snapshot at the same time is refused unless `--replace`; and a file with more than 10% of
 * invalid rows, or fewer than 10 valid ones, is refused with the counts.
 */
export const importCommand = defineCliCommand({
  name: "import",
  positionals: { usage: "FILE", min: 1, max: 1 },
  summary: "cli.import.summary",
  options: {
    "as-of": { kind: "string", placeholder: "ISO-DATE", help: "cli.option.as-of" },
    replace: { kind: "boolean", help: "cli.option.replace" },
  },
  async run({ services, clock, out, t }, { values, positionals }) {
    const { locale } = t;
    const [file = ""] = positionals;
    const given = values["as-of"];
    const asOfOption = given === undefined ? null : parseStrictIsoDate(given);
    if (asOfOption !== null && !asOfOption.ok) {
      throw new UsageError(
        t("cli.import.bad-as-of", { typed: given ?? "", reason: render(locale, asOfOption.reason) }),
      );
    }

    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(t("cli.import.cannot-read", { file, reason: fileProblem(error, t) }));
    }
    let parsed: ImportedModels;
    try {
      parsed = parseModelsFile(text);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      throw new UsageError(t("cli.import.not-a-file", { file, reason: render(locale, error.reason) }));
    }

    let asOf: Date;
    if (asOfOption !== null) {
      asOf = asOfOption.date;
    } else if (parsed.fileDate === null) {
      throw new UsageError(t("cli.import.no-date", { file, keys: FILE_DATE_KEYS }));
    } else if (!parsed.fileDate.ok) {
      throw new UsageError(
        t("cli.import.bad-file-date", {
          file,
          key: parsed.fileDate.key,
          reason: render(locale, parsed.fileDate.reason),
        }),
      );
    } else {
      asOf = parsed.fileDate.date;
    }
    const now = clock();
    if (asOf.getTime() > now.getTime()) {
      throw new UsageError(t("cli.import.future", { date: asOf.toISOString(), now: now.toISOString() }));
    }
    const problem = importProblem(parsed);
    if (problem !== null)
      throw new UsageError(t("cli.import.refused", { file, problem: render(locale, problem) }));

    const existing = await services.store.between(asOf, asOf);
    if (existing.length > 0 && values.replace !== true) {
      const ids = existing.map((meta) => meta.id).join(", ");
      throw new UsageError(t("cli.import.exists", { date: formatUtcMinute(asOf.toISOString()), ids }));
    }
    const input = {
      takenAt: asOf,
      source: "import" as const,
      models: parsed.models,
      skipped: parsed.skipped,
      note: `imported from ${file}`,
      // Stored with the snapshot, so that no answer has to compute them (the CLI may block).
      aggregates: {
        version: services.aggregates.version,
        aggregates: storedAggregatesOf(
          { takenAt: asOf.toISOString(), models: parsed.models },
          services.lookup,
        ),
      },
    };
    const { snapshot, replaced } =
      values.replace === true
        ? await services.store.replace(input)
        : { snapshot: await services.store.save(input), replaced: 0 };
    services.cache.invalidate(SNAPSHOT_QUERY_PREFIX);
    out(
      t("cli.import.done", {
        models: snapshot.modelCount,
        file,
        id: snapshot.id,
        date: formatUtcMinute(snapshot.takenAt),
        skipped: parsed.skipped,
        replaced,
      }),
    );
    return 0;
  },
});
