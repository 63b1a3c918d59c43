import { parseArgs } from "node:util";
import { SNAPSHOT_QUERY_PREFIX } from "../../services/snapshots/collector.js";
import { type CliCommand, UsageError } from "../context.js";

const USAGE = "usage: hubtrends snapshots list [--json] | hubtrends snapshots delete ID";

/**
 * `hubtrends snapshots list [--json]` and `hubtrends snapshots delete ID`: what history holds, and a
 * way to take out a snapshot that should not be in it (a bad import) without touching the others.
 */
export const snapshotsCommand: CliCommand = async ({ args, services, out }) => {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false } },
  });
  const [action, ...rest] = positionals;
  if (action === "list" && rest.length === 0) {
    const metas = await services.store.list();
    if (values.json) {
      out(JSON.stringify(metas));
    } else if (metas.length === 0) {
      out("No snapshots stored.");
    } else {
      out("id  taken at (UTC)            source   models  skipped  note");
      for (const m of metas) {
        out(
          `${String(m.id).padEnd(3)} ${m.takenAt.padEnd(25)} ${m.source.padEnd(8)} ` +
            `${String(m.modelCount).padStart(6)}  ${String(m.skipped).padStart(7)}  ${m.note ?? ""}`,
        );
      }
    }
    return 0;
  }
  if (action === "delete" && rest.length === 1 && !values.json) {
    const [raw = ""] = rest;
    if (!/^\d{1,15}$/.test(raw))
      throw new UsageError(`"${raw}" is not a snapshot id (see hubtrends snapshots list)`);
    const id = Number(raw);
    if (!(await services.store.delete(id))) {
      throw new UsageError(`there is no snapshot ${id} (see hubtrends snapshots list)`);
    }
    services.cache.invalidate(SNAPSHOT_QUERY_PREFIX);
    out(`Deleted snapshot ${id}.`);
    return 0;
  }
  throw new UsageError(USAGE);
};
