import { formatUtcMinute } from "../../services/format/dates.js";
import { SNAPSHOT_QUERY_PREFIX } from "../../services/snapshots/collector.js";
import { UsageError } from "../context.js";
import { defineCliCommand } from "../spec.js";
import { textTable } from "../text-table.js";

/**
 * `hubtrends snapshots list [--json]` and `hubtrends snapshots delete ID`: what history holds, and a
 * way to take out a snapshot that should not be in it (a bad import) without touching the others.
 */
export const snapshotsCommand = defineCliCommand({
  name: "snapshots",
  positionals: { usage: "list|delete ID", min: 1, max: 2 },
  summary: "cli.snapshots.summary",
  options: { json: { kind: "boolean", help: "cli.option.json" } },
  async run({ services, out, t }, { values, positionals }) {
    const [action, id] = positionals;
    if (action === "list" && id === undefined) {
      const metas = await services.store.list();
      if (values.json === true) out(JSON.stringify(metas));
      else if (metas.length === 0) out(t("cli.snapshots.none"));
      else {
        const header = (["id", "time", "source", "models", "skipped", "note"] as const).map((column) =>
          t(`cli.snapshots.header.${column}`),
        );
        const rows = metas.map((m) => [
          String(m.id),
          formatUtcMinute(m.takenAt),
          m.source,
          String(m.modelCount),
          String(m.skipped),
          m.note ?? "",
        ]);
        for (const line of textTable(
          [header, ...rows],
          ["right", "left", "left", "right", "right", "left"],
          "",
        ))
          out(line);
      }
      return 0;
    }
    if (action === "delete" && id !== undefined && values.json !== true) {
      if (!/^\d{1,15}$/.test(id)) throw new UsageError(t("cli.snapshots.not-an-id", { typed: id }));
      const number = Number(id);
      if (!(await services.store.delete(number)))
        throw new UsageError(t("cli.snapshots.unknown-id", { id: number }));
      services.cache.invalidate(SNAPSHOT_QUERY_PREFIX);
      out(t("cli.snapshots.deleted", { id: number }));
      return 0;
    }
    const usage = t("cli.snapshots.usage");
    const wrong = action === "list" || action === "delete" ? undefined : action;
    throw new UsageError(
      wrong === undefined
        ? t("cli.error.missing-argument", { usage })
        : t("cli.error.unexpected-argument", { argument: wrong, usage }),
    );
  },
});
