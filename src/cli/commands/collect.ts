import type { CliCommand } from "../context.js";

/** `hubtrends collect`: one snapshot now. */
export const collectCommand: CliCommand = async ({ services, out }) => {
  const report = await services.collector.collect();
  const { snapshot } = report;
  out(
    `Snapshot ${snapshot.id} taken at ${snapshot.takenAt}: ${snapshot.modelCount} models, ` +
      `${snapshot.skipped} malformed records skipped, ${report.requests} Hub requests` +
      (report.pruned > 0 ? `, ${report.pruned} old snapshots pruned.` : "."),
  );
  return 0;
};
