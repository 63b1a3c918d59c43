/**
 * What the `hubtrends` command line says in English: its help, its output and its one-line
 * refusals. Spread into `en-US.ts`. Every line of the CLI follows `--locale`.
 */

/** "a, b or c". */
const or = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
const s = (count: number) => (count === 1 ? "" : "s");

export const cliEnUS = {
  // cli: help
  "cli.help.intro":
    "hubtrends: the Hugging Face Hub's downloads by region, from stored snapshots, without Discord.",
  "cli.help.usage": (p: { usage: string }) => `usage: ${p.usage}`,
  "cli.help.more": "hubtrends <command> --help shows one command.",
  "cli.help.every-command": "Every command takes:",
  "cli.help.exit":
    "Exit status: 0 done; 1 failed (the Hub unreachable with nothing stored, say); 2 a mistake in the command, said in one line.",
  "cli.help.default": (p: { value: string }) => `default ${p.value}`,
  "cli.help.values": (p: { values: readonly string[] }) => p.values.join(" | "),
  "cli.help.marks": (p: { marks: readonly string[] }) => `(${p.marks.join(", ")})`,
  "cli.help.described": (p: { head: string; help: string }) => `${p.head}: ${p.help}`,
  "cli.help.required": "required",

  // cli: commands
  "cli.collect.summary": "Take one snapshot of the Hub now.",
  "cli.import.summary":
    'Load a saved /api/models response (a JSON array of model rows, or { "models": [...] }) as a snapshot, to backfill history.',
  "cli.snapshots.summary": "List the stored snapshots, or delete one (a bad import, say).",
  "cli.stats.summary":
    "The stats behind /trends, from the newest snapshot (collecting one first if none is stored).",
  "cli.chart.summary": "Write a chart as the bot would attach it, and print what the bot would say with it.",

  // cli: options
  "cli.option.locale": "the language of every line the command writes",
  "cli.option.help": "show this help",
  "cli.option.as-of":
    "when the file was read (2026-05-04, or 2026-05-04T12:00:00Z); the file's own date otherwise",
  "cli.option.replace": "replace a stored snapshot of the same time",
  "cli.option.json": "print JSON instead of text",
  "cli.option.region": "a region, or all of them; aliases such as cn, usa, eu and 中国 work",
  "cli.option.window": "weeks to compare with",
  "cli.option.by":
    "who gets the credit: lineage, the developer of the base model; uploader, the namespace that uploaded it",
  "cli.option.cohort":
    "which models count: new, those created in the last 12 months; generative, text, image and video generators",
  "cli.option.view": "the chart; orgs when --region is given and --view is not",
  "cli.option.out": "the PNG file to write",
  "cli.option.a": "compare: the first of two regions or two organisations",
  "cli.option.b": "compare: the second",
  "cli.option.kind": "ranking: models from the snapshot, or datasets read live from the Hub",
  "cli.option.sort": "ranking: what to rank by",
  "cli.option.task": "ranking: only models of this pipeline tag (text-generation, robotics, ...)",

  // cli: refusals (one line each, after "hubtrends <command>: ")
  "cli.error.unknown-command": (p: { typed: string; commands: readonly string[] }) =>
    `unknown command "${p.typed}". Commands: ${p.commands.join(", ")} (hubtrends --help).`,
  "cli.error.unknown-option": (p: { option: string; command: string; options: readonly string[] }) =>
    `unknown option ${p.option}. Options of hubtrends ${p.command}: ${p.options.join(", ")}.`,
  "cli.error.needs-value": (p: { option: string; values: readonly string[] | null }) =>
    p.values === null ? `${p.option} needs a value.` : `${p.option} needs a value: ${or(p.values)}.`,
  "cli.error.takes-no-value": (p: { option: string }) => `${p.option} takes no value.`,
  "cli.error.unexpected-argument": (p: { argument: string; usage: string }) =>
    `unexpected argument "${p.argument}". Usage: ${p.usage}`,
  "cli.error.missing-argument": (p: { usage: string }) => `missing argument. Usage: ${p.usage}`,
  "cli.error.bad-value": (p: { option: string; typed: string; values: readonly string[] }) =>
    `unknown ${p.option} "${p.typed}". Valid: ${or(p.values)}.`,
  "cli.error.unknown-region": (p: {
    typed: string;
    guesses: readonly string[];
    regions: readonly string[];
  }) =>
    `unknown region "${p.typed}".${p.guesses.length > 0 ? ` Did you mean ${or(p.guesses)}?` : ""} Valid regions: ${p.regions.join(", ")} (aliases such as cn, usa, eu work), or all.`,
  "cli.file.not-found": "no such file",
  "cli.file.denied": "permission denied",
  "cli.file.is-directory": "it is a directory",
  "cli.file.read-only": "the file system is read-only",
  "cli.file.no-space": "no space left on the device",
  "cli.error.out-required": "--out FILE.png is required: the file to write the chart to.",
  "cli.error.out-is-directory": (p: { path: string }) =>
    `--out ${p.path} is a directory: give a file name, such as ${p.path.replace(/\/+$/, "")}/chart.png.`,
  "cli.error.out-no-directory": (p: { path: string; directory: string }) =>
    `cannot write ${p.path}: the directory ${p.directory} does not exist.`,
  "cli.error.out-not-writable": (p: { path: string; reason: string }) =>
    `cannot write ${p.path} (${p.reason}): choose a place you can write to.`,
  "cli.error.hub-down-no-data": (p: { host: string; reason: string }) =>
    `no snapshot is stored yet and the Hub at ${p.host} could not be reached (${p.reason}). Check the network and HUB_URL, or load a saved file: hubtrends import FILE --as-of DATE.`,
  "cli.error.hub-down": (p: { host: string; reason: string }) =>
    `the Hub at ${p.host} could not be read (${p.reason}). Check the network and HUB_URL; hubtrends import loads a saved file instead.`,
  "cli.error.no-data": "no snapshot is stored yet: run hubtrends collect, or hubtrends import FILE.",
  "cli.error.unexpected": (p: { message: string }) =>
    `unexpected error: ${p.message}. This is a bug; run again with LOG_LEVEL=debug for its details.`,
  "cli.error.compare-needs-sides": "--view compare needs --a and --b: two regions, or two organisations.",
  "cli.error.compare-unknown-side": (p: { typed: string; guesses: readonly string[] }) =>
    `"${p.typed}" is neither a region nor an organisation of the newest snapshot.${p.guesses.length > 0 ? ` Did you mean ${or(p.guesses)}?` : ""}`,
  "cli.error.compare-mixed": (p: { region: string; org: string }) =>
    `cannot compare the region "${p.region}" with the organisation "${p.org}": give two regions, or two organisations.`,
  "cli.error.compare-same": (p: { name: string }) =>
    `--a and --b are both "${p.name}": give two different ones.`,
  "cli.error.compare-outside": (p: { org: string }) =>
    `${p.org} has no downloads among the models counted, so there is nothing to compare.`,
  "cli.error.ranking-datasets-only":
    "--task and --region apply to models only: datasets are ranked over the whole Hub.",
  "cli.error.unknown-task": (p: { typed: string; guesses: readonly string[] }) =>
    `no model of the newest snapshot has the pipeline tag "${p.typed}".${p.guesses.length > 0 ? ` Did you mean ${or(p.guesses)}?` : ""}`,
  "cli.error.no-ranked": "no model of the newest snapshot matches.",

  // Why an import is refused (src/services/snapshots/import-file.ts, strict-iso-date.ts).
  "import.date.needs-zone": "a date-time needs a time zone (Z or an offset such as +08:00)",
  "import.date.not-iso": "not an ISO 8601 date (expected e.g. 2026-05-04 or 2026-05-04T12:00:00Z)",
  "import.date.no-month": (p: { month: string }) => `there is no month ${p.month}`,
  "import.date.no-day": (p: { yearMonth: string; day: string }) => `${p.yearMonth} has no day ${p.day}`,
  "import.date.no-time": (p: { time: string }) => `${p.time} is not a time of day`,
  "import.date.no-offset": (p: { zone: string }) => `${p.zone} is not a UTC offset`,
  "import.date.not-a-string": "not a string",
  "import.file.not-json": (p: { detail: string }) => `not valid JSON: ${p.detail}`,
  "import.file.not-models": 'expected a JSON array of model rows or an object with a "models" array',
  "import.refused.too-few": (p: { valid: number; rows: number; skipped: number; min: number }) =>
    `${p.valid} valid model rows of ${p.rows} (${p.skipped} invalid): at least ${p.min} are needed`,
  "import.refused.too-many-invalid": (p: { skipped: number; rows: number; percent: string; max: string }) =>
    `${p.skipped} of ${p.rows} rows are invalid (${p.percent}%), more than ${p.max}%`,

  // cli: import
  "cli.import.cannot-read": (p: { file: string; reason: string }) => `cannot read ${p.file}: ${p.reason}`,
  "cli.import.not-a-file": (p: { file: string; reason: string }) => `${p.file}: ${p.reason}`,
  "cli.import.bad-as-of": (p: { typed: string; reason: string }) => `--as-of "${p.typed}": ${p.reason}`,
  "cli.import.no-date": (p: { file: string; keys: readonly string[] }) =>
    `${p.file} states no date (${p.keys.join(", ")}): say when it was read with --as-of ISO-DATE`,
  "cli.import.bad-file-date": (p: { file: string; key: string; reason: string }) =>
    `${p.file}: its "${p.key}" is not a date: ${p.reason}`,
  "cli.import.future": (p: { date: string; now: string }) =>
    `the snapshot date ${p.date} is in the future (now ${p.now}): a snapshot records what the Hub said`,
  "cli.import.refused": (p: { file: string; problem: string }) => `${p.file} refused: ${p.problem}`,
  "cli.import.exists": (p: { date: string; ids: string }) =>
    `a snapshot of ${p.date} exists already (id ${p.ids}): pass --replace to replace it`,
  "cli.import.done": (p: {
    models: number;
    file: string;
    id: number;
    date: string;
    skipped: number;
    replaced: number;
  }) =>
    `Imported ${p.models} models from ${p.file} as snapshot ${p.id} of ${p.date} (${p.skipped} rows skipped${p.replaced > 0 ? `, replacing ${p.replaced} snapshot${s(p.replaced)}` : ""}).`,

  // cli: collect
  "cli.collect.done": (p: {
    id: number;
    date: string;
    models: number;
    skipped: number;
    requests: number;
    pruned: number;
  }) =>
    `Snapshot ${p.id} taken at ${p.date}: ${p.models} models, ${p.skipped} malformed records skipped, ${p.requests} Hub requests${p.pruned > 0 ? `, ${p.pruned} old snapshots pruned` : ""}.`,

  // cli: snapshots
  "cli.snapshots.usage": "hubtrends snapshots list [--json] | hubtrends snapshots delete ID",
  "cli.snapshots.none": "No snapshots stored.",
  "cli.snapshots.header.id": "id",
  "cli.snapshots.header.time": "taken at (UTC)",
  "cli.snapshots.header.source": "source",
  "cli.snapshots.header.models": "models",
  "cli.snapshots.header.skipped": "skipped",
  "cli.snapshots.header.note": "note",
  "cli.snapshots.not-an-id": (p: { typed: string }) =>
    `"${p.typed}" is not a snapshot id (see hubtrends snapshots list)`,
  "cli.snapshots.unknown-id": (p: { id: number }) =>
    `there is no snapshot ${p.id} (see hubtrends snapshots list)`,
  "cli.snapshots.deleted": (p: { id: number }) => `Deleted snapshot ${p.id}.`,

  // cli: chart
  "cli.chart.written": (p: { file: string; bytes: string; width: number; height: number }) =>
    `Chart written to ${p.file} (${p.width}×${p.height} px, ${p.bytes} bytes).`,
  "cli.chart.rank-line": (p: { rank: number; name: string; value: string; region: string }) =>
    `${p.rank}. ${p.name} · ${p.value} · ${p.region}`,
  "cli.chart.org-side": (p: { org: string; region: string }) => `${p.org} (${p.region})`,
  "cli.chart.compare-line": (p: { metric: string; a: string; b: string }) => `${p.metric}: ${p.a} vs ${p.b}`,

  // cli: stats (the text of hubtrends stats)
  "cli.stats.title": (p: { scope: string; time: string }) => `Hub trends · ${p.scope} · snapshot ${p.time}`,
  "cli.stats.all-regions": "all regions",
  "cli.stats.counted": (p: { sentence: string; by: string; cohort: string }) =>
    `Counted: ${p.sentence} (--by ${p.by} --cohort ${p.cohort}).`,
  "cli.stats.universe": (p: {
    models: string;
    list: string;
    downloads: string;
    coverage: string;
    excluded: number;
  }) =>
    `Universe: ${p.models} of ${p.list}, ${p.downloads} downloads in 30 days; ${p.coverage} attributed to a region${p.excluded > 0 ? `; ${p.excluded} test repos left out` : ""}.`,
  "cli.stats.list.top-downloads": (p: { size: string }) => `the top ${p.size} models by downloads`,
  "cli.stats.list.all": (p: { size: string }) => `the ${p.size} models of this imported snapshot`,
  "cli.stats.regions": "Share of downloads by region",
  "cli.stats.orgs": "Top organisations",
  "cli.stats.orgs-region": (p: { region: string }) => `Top organisations of ${p.region}`,
  "cli.stats.models": "Top models",
  "cli.stats.new-models": "New models (created in the last 8 weeks), most downloaded first",
  "cli.stats.new-per-week": "New models per week among the universe (week starting, UTC)",
  "cli.stats.tasks": "Downloads by task",
  "cli.stats.families": "Robotics and science (all models of the family)",
  "cli.stats.sizes": "Downloads by model size",
  "cli.stats.comparison": (p: { time: string; span: string }) =>
    `Compared with the snapshot of ${p.time} (${p.span})`,
  "cli.stats.no-comparison": "No older snapshot to compare with yet.",
  "cli.stats.counts-unchanged": "Download counts unchanged: the Hub has not refreshed them.",
  "cli.stats.exact-span": (p: { weeks: number }) => `${p.weeks} week${s(p.weeks)}`,
  "cli.stats.nearest-span": (p: { days: string; weeks: number }) =>
    `${p.days} days, the nearest there is to ${p.weeks} week${s(p.weeks)}`,
  "cli.stats.movers": "Biggest movers",
  "cli.stats.none": "none",
  "cli.stats.col.region": "region",
  "cli.stats.col.share": "share",
  "cli.stats.col.downloads": "downloads",
  "cli.stats.col.change": "change",
  "cli.stats.col.models": "models",
  "cli.stats.col.org": "organisation",
  "cli.stats.col.share-of-region": "of region",
  "cli.stats.col.model": "model",
  "cli.stats.col.created": "created",
  "cli.stats.col.week": "week",
  "cli.stats.col.total": "total",
  "cli.stats.col.task": "task",
  "cli.stats.col.new": "new",
  "cli.stats.col.size": "size",
  "cli.stats.col.estimated": "of it from names",
  "cli.stats.family.robotics": "robotics",
  "cli.stats.family.science": "science",
};

/** The shape every locale's command-line words have. */
export type CliMessages = typeof cliEnUS;
