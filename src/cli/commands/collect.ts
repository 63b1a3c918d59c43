import { formatUtcMinute } from "../../services/format/dates.js";
import { defineCliCommand } from "../spec.js";

/** `hubtrends collect`: one snapshot now. */
export const collectCommand = defineCliCommand({
  name: "collect",
  summary: "cli.collect.summary",
  options: {},
  async run({ services, out, t }) {
    const report = await services.collector.collect();
    const { snapshot } = report;
    out(
      t("cli.collect.done", {
        id: snapshot.id,
        date: formatUtcMinute(snapshot.takenAt),
        models: snapshot.modelCount,
        skipped: snapshot.skipped,
        requests: report.requests,
        pruned: report.pruned,
      }),
    );
    return 0;
  },
});
