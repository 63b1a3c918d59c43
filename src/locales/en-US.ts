/**
 * Every word the bot writes in English. This catalogue defines the keys and what each message is
 * given: a plain string, or a function of named parameters. Other locales have the same keys
 * (src/locales/zh-CN.ts); a test fails when one is missing.
 *
 * Parameters arrive ready to print: numbers and dates already formatted for the reader's locale,
 * untrusted text (Hub names, what a person typed) already escaped by the caller, Discord mentions
 * and timestamps (`<#id>`, `<t:…:R>`) already built. Messages only arrange them.
 */

import { chartsEnUS } from "./charts/en-US.js";
import { cliEnUS } from "./cli/en-US.js";
import { summariesEnUS } from "./summaries/en-US.js";
import { watchesEnUS } from "./watches/en-US.js";

/** "a, b or c". */
const or = (items: readonly string[]): string => joinLast(items, ", ", " or ");
/** "a, b and c". */
const and = (items: readonly string[]): string => joinLast(items, ", ", " and ");
const bold = (text: string) => `**${text}**`;
const quoted = (text: string) => `"${text}"`;
const s = (count: number) => (count === 1 ? "" : "s");

function joinLast(items: readonly string[], separator: string, last: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(separator)}${last}${items.at(-1)}`;
}

/** The permissions the bot talks about, as Discord's English client names them. */
const PERMISSIONS = {
  ViewChannel: "View Channel",
  SendMessages: "Send Messages",
  EmbedLinks: "Embed Links",
  AttachFiles: "Attach Files",
  ReadMessageHistory: "Read Message History",
  ManageGuild: "Manage Server",
  SendMessagesInThreads: "Send Messages in Threads",
  MentionEveryone: "Mention @everyone, @here, and All Roles",
};
/** A permission by its name in discord.js's `PermissionFlagsBits`. */
export type PermissionName = keyof typeof PERMISSIONS;
const permissions = (names: readonly PermissionName[]) => and(names.map((name) => PERMISSIONS[name]));

/** Month names for days written out ("7 Aug 2026", day first: "Aug 7" misreads in much of the world). */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The valid regions as a person reads them in a refusal. */
const validRegions = (regions: readonly string[]) =>
  `${regions.join(", ")} (aliases like cn, usa, eu work too)`;

/** " Did you mean **a** or **b**?" (with a leading space), or nothing. */
const didYouMean = (guesses: readonly string[]) =>
  guesses.length === 0 ? "" : ` Did you mean ${or(guesses.map(bold))}?`;

export const enUS = {
  /** This language's own name, for the digest language choice. */
  "language.self": "English",

  // Regions (also used by charts and summaries through services/format/locale.ts).
  "region.china": "China",
  "region.us": "United States",
  "region.europe": "Europe",
  "region.asia": "Asia-Pacific",
  "region.other": "Other regions",
  "region.unattributed": "Unattributed",
  "region.unknown": (p: { typed: string; guesses: readonly string[]; regions: readonly string[] }) =>
    `I don't know the region ${quoted(p.typed)}.${didYouMean(p.guesses)} Valid regions: ${validRegions(p.regions)}.`,

  // How old data is, in footers.
  "age.minutes": (p: { count: number }) => `${p.count} min`,
  "age.hours": (p: { count: number }) => `${p.count} h`,
  "age.days": (p: { count: number }) => `${p.count} d`,

  // What the router says: guards, the error path.
  "guard.chart-permissions": (p: { missing: readonly PermissionName[] }) =>
    `I can't post charts in this channel: I am missing the ${permissions(p.missing)} permission${s(p.missing.length)}. ` +
    "Ask a server admin to grant it to my role here, or try another channel.",
  "guard.embed-permissions": (p: { missing: readonly PermissionName[] }) =>
    `I can't answer in this channel: I am missing the ${permissions(p.missing)} permission${s(p.missing.length)}. ` +
    "Ask a server admin to grant it to my role here, or try another channel.",
  "guard.cooldown": (p: { seconds: number; command: string }) =>
    `Please wait ${p.seconds} second${s(p.seconds)} before using /${p.command} again.`,
  "error.apology": (p: { errorId: string }) =>
    `Sorry, something went wrong on our side (error id \`${p.errorId}\`). Please try again in a minute.`,
  "error.overlong-option": (p: { option: string; maxLength: string; length: string }) =>
    `The option \`${p.option}\` takes at most ${p.maxLength} characters, and this one has ${p.length}. Nothing was done: please shorten it and try again.`,
  // A change the store could not keep (see services/storage/errors.ts): nothing of it was kept.
  "storage.replaced":
    "I couldn't save that: my database file was removed or replaced while I was running, so nothing was kept. I'm restarting; please try again in a minute.",
  "storage.read-only":
    "I couldn't save that: my database is read-only, so nothing was kept. Please tell whoever runs the bot.",
  "storage.full":
    "I couldn't save that: the disk holding my database is full, so nothing was kept. Please tell whoever runs the bot.",
  "storage.io":
    "I couldn't save that: my database could not be written (a disk error), so nothing was kept. Please try again later.",
  "storage.unreachable":
    "I can't reach my database right now, so I couldn't answer or keep anything. Please try again in a minute.",
  "error.unknown-command": "This command is not available any more; it may have been removed.",
  "error.bad-option": (p: { option: string }) =>
    `The option ${p.option} did not come through as expected; please run the command again.`,
  "error.bad-choice": (p: { option: string; choices: readonly string[] }) =>
    `Choose ${p.option} from the list: ${p.choices.join(", ")}.`,

  // Data and the Hub.
  // When nothing is stored and collecting failed; `when` is the next attempt (`<t:…:R>`), or null.
  "data.none.hub-unreachable": (p: { when: string | null }) =>
    `The Hugging Face Hub can't be reached right now and I have no stored data yet, so I have nothing to show. I'll try again ${p.when ?? "shortly"}.`,
  "data.none.hub-implausible": (p: { when: string | null }) =>
    `The Hugging Face Hub's answer looked wrong (far fewer models than usual), so I did not use it, and I have no stored data yet. I'll try again ${p.when ?? "shortly"}.`,
  "data.none.storage": (p: { when: string | null }) =>
    `I can't save data right now (my disk is full or read-only), so I have nothing to show yet. I'll try again ${p.when ?? "shortly"}; please tell whoever runs the bot.`,
  // Footer notes on figures older than they should be: how old, and why.
  "data.stale.hub-unreachable": (p: { age: string }) =>
    `data is ${p.age} old: the Hub could not be reached, retrying`,
  "data.stale.hub-implausible": (p: { age: string }) =>
    `data is ${p.age} old: the Hub's latest answer looked wrong and was not used, retrying`,
  "data.stale.storage": (p: { age: string }) =>
    `data is ${p.age} old: new data could not be saved (the bot's disk is full or read-only), retrying`,
  "data.live-stale": (p: { age: string }) => `list is ${p.age} old: the Hub could not be reached`,
  "hub.unavailable.datasets":
    "The Hugging Face Hub can't be reached right now, so I can't read the top datasets. Please try again in a few minutes.",
  "hub.unavailable.model":
    "The Hugging Face Hub can't be reached right now, so I can't look the model up. Please try again in a few minutes.",

  // Shared options.
  "option.region.name": "region",
  "option.id.digest": "Which digest (see /digest show); may be left out when the server has only one",
  "option.id.digest-set": "Change this digest instead of creating one",

  // Counting methods (issue 8): the `by` and `cohort` options of /trends, /compare and /digest set.
  // The default the descriptions name is DEFAULT_METHOD's (test/commands/method-options.test.ts).
  "option.by.name": "by",
  "option.by.description": "Who gets the credit for a download: base model's developer (default) or uploader",
  "option.by.lineage": "base model's developer",
  "option.by.uploader": "uploader",
  "option.cohort.name": "cohort",
  "option.cohort.description":
    "Which models count: all models (default), created in the last 12 months, or generative",
  "option.cohort.all": "all models",
  "option.cohort.new": "created in the last 12 months",
  "option.cohort.generative": "generative models",

  // What /model and /org compared with (issue 8): the real span when it is not exactly a week.
  "change.since": (p: { day: string; span: string }) => `Since ${p.day} (${p.span})`,
  /** A UTC calendar day; `month` counts from 1. */
  "change.day": (p: { year: number; month: number; day: number }) =>
    `${p.day} ${MONTHS[p.month - 1] ?? p.month} ${p.year}`,
  "change.span-days": (p: { count: number; days: string }) => (p.count === 1 ? "1 day" : `${p.days} days`),
  "change.span-hours": (p: { hours: string }) => `${p.hours} h`,
  "change.counts-unchanged": (p: { day: string }) =>
    `The Hub's download counts are the same as on ${p.day}: it had not refreshed them, so there is no change to show.`,

  // /trends
  "trends.description": "Who leads open-source AI on the Hugging Face Hub: share of downloads by region",
  "trends.region.description":
    "china, us, europe, asia or other (aliases work); leave empty for the overview",
  "trends.window.name": "window",
  "trends.window.description": "Compare with how things stood this long ago",
  "trends.window.1": "this week",
  "trends.window.4": "4 weeks",
  "trends.window.12": "12 weeks",
  "trends.chart.name": "chart",
  "trends.chart.description": "Which chart to draw",
  "trends.overview": "overview",
  "trends.title": (p: { scope: string }) => `Open-source AI trends · ${p.scope}`,

  // /top
  "top.name": "top",
  "top.description": "The top 10 models or datasets on the Hugging Face Hub, by trending, downloads or likes",
  "top.kind.name": "kind",
  "top.kind.description": "Models or datasets",
  "top.kind.models": "models",
  "top.kind.datasets": "datasets",
  "top.sort.name": "sort",
  "top.sort.description": "Rank by the Hub's trending score, 30-day downloads or likes",
  "top.sort.trending": "trending",
  "top.sort.downloads": "downloads",
  "top.sort.likes": "likes",
  "top.task.name": "task",
  "top.task.description": "Models only: a task such as text-generation",
  "top.region.description": "Models only: china, us, europe, asia or other",
  "top.models-only":
    "The task and region filters apply to models only: datasets are ranked across the whole Hub. Leave them out for datasets, or choose kind: models.",
  "top.no-datasets": "The Hugging Face Hub listed no datasets just now; try again later.",
  "top.unknown-task": (p: { typed: string; guesses: readonly string[]; some: readonly string[] }) =>
    `No model in the newest snapshot has the task ${quoted(p.typed)}.${didYouMean(p.guesses)} Pick one from the suggestions, e.g. ${p.some.join(", ")}.`,
  "top.no-models": (p: {
    trending: boolean;
    task: { label: string; tag: string } | null;
    region: string | null;
  }) => {
    const filters = [
      p.task === null ? null : `task ${p.task.label} (${p.task.tag})`,
      p.region === null ? null : `region ${p.region}`,
    ].filter((part): part is string => part !== null);
    return (
      `No model${p.trending ? " with a trending score" : ""} in the newest snapshot matches ${filters.join(" and ") || "these filters"}. ` +
      "Try another task or region, or leave one out."
    );
  },
  "ranking.downloads": (p: { count: string }) => `${p.count} downloads (30 d)`,
  "ranking.likes": (p: { count: string }) => `${p.count} likes`,
  "ranking.trending": (p: { score: string }) => `trending score ${p.score}`,

  // /model
  "model.name": "model",
  "model.description": "One model's downloads, likes, rank and week-over-week change",
  "model.id.name": "id",
  "model.id.description": "The model's repo id, e.g. Qwen/Qwen3-8B",
  "model.bad-id": "Give a model's repo id, like Qwen/Qwen3-8B (at most 96 characters).",
  "model.unknown": (p: { typed: string; guesses: readonly string[] }) =>
    `I can't find the model ${quoted(p.typed)}, neither among the tracked models nor on the Hub.${didYouMean(p.guesses)} Repo ids look like Qwen/Qwen3-8B.`,
  "model.choice": (p: { id: string; downloads: string }) => `${p.id} · ${p.downloads} downloads`,
  "model.downloads": "Downloads (30 days)",
  "model.likes": "Likes",
  "model.rank": "Rank",
  "model.org": "Organisation",
  "model.task": "Task",
  "model.week": "Week over week",
  "model.by-downloads": (p: { rank: string; of: string }) => `#${p.rank} of ${p.of} by downloads`,
  "model.trending": (p: { rank: string }) => `#${p.rank} trending`,
  "model.unranked": "not in the top by downloads",
  "model.untracked":
    "Not among the tracked models (the top by downloads, trending and new models): live figures from the Hub.",
  "model.new-this-week": "not in the snapshot a week earlier",
  "model.no-history": "no snapshot a week older yet",
  "model.change": (p: { pct: string; before: string; day: string }) => `${p.pct} (${p.before} on ${p.day})`,
  // /model (issue 8): a comparison that is not a week's, and whom the downloads count for.
  "model.new-since": (p: { day: string }) => `not in the snapshot of ${p.day}`,
  "model.change-was": (p: { pct: string; before: string }) => `${p.pct} (was ${p.before})`,
  "model.credited": "Downloads count for",
  "model.credited-to": (p: { author: string; region: string }) =>
    `${p.author} · ${p.region}, the developer of the model it derives from`,
  "model.test-traffic": "nobody: it is test traffic (CI runs fetching a fixture), left out of every count",

  // /org
  "org.name": "org",
  "org.description": "An organisation on the Hub: its top models, downloads, share and region",
  "org.option.name": "name",
  "org.option.description": "The Hub namespace, e.g. Qwen or meta-llama",
  "org.bad-name": "Give an organisation's Hub name, like Qwen.",
  "org.not-in-snapshot": (p: { author: string; region: string; country: string }) =>
    `${p.author} is on my list of organisations (${p.region}, ${p.country}), but none of its models is among the tracked models of the newest snapshot.`,
  "org.unknown": (p: { typed: string; guesses: readonly string[] }) =>
    `I can't find the organisation ${quoted(p.typed)} among the authors of the tracked models.${didYouMean(p.guesses)} Names are Hub namespaces, like Qwen or meta-llama.`,
  "org.downloads": "Downloads (30 days)",
  "org.share": "Share of all downloads",
  "org.region": "Region",
  "org.week": "Week over week",
  "org.top-models": "Top models",
  "org.across": (p: { count: string; universe: string }) =>
    `across ${p.count} of the top ${p.universe} models`,
  "org.none-in-universe": (p: { universe: string }) => `none of its models is among the top ${p.universe}`,
  "org.no-history": "no snapshot a week older yet",
  // /org (issue 8): its share of its region, and the changes, in the region's own terms too.
  "org.region-share": (p: { region: string }) => `Share within ${p.region}`,
  "org.change": (p: { what: string; change: string; before: string }) =>
    `${p.what}: ${p.change} (was ${p.before})`,
  "org.change-from-none": (p: { what: string }) => `${p.what}: none was counted for it then`,
  "org.unchanged": "no change",

  // /compare
  "compare.name": "compare",
  "compare.description": "Two regions or two organisations side by side: shares of downloads and models",
  "compare.a.name": "a",
  "compare.a.description": "A region (china, us, europe, asia, other) or an organisation (e.g. Qwen)",
  "compare.b.name": "b",
  "compare.b.description": "Another of the same kind: a region, or an organisation (e.g. meta-llama)",
  "compare.unknown-side": (p: { typed: string; regions: readonly string[]; guesses: readonly string[] }) =>
    `I don't know ${quoted(p.typed)}: it is neither a region (${validRegions(p.regions)}) nor an organisation with models in the newest snapshot.${didYouMean(p.guesses)}`,
  "compare.mixed": (p: { region: string; org: string }) =>
    `I compare two regions or two organisations, not a region with an organisation: ${quoted(p.region)} is a region and ${quoted(p.org)} an organisation. ` +
    "Try `/compare china us` or `/compare Qwen meta-llama`; `/org` shows an organisation's share of all downloads.",
  "compare.same-regions": (p: { name: string }) =>
    `Both sides are ${quoted(p.name)}: pick two different regions to compare.`,
  "compare.same-orgs": (p: { name: string }) =>
    `Both sides are ${quoted(p.name)}: pick two different organisations to compare.`,
  // /compare (issue 8): an organisation with no downloads under the counting asked for.
  "compare.outside-method": (p: { author: string; counted: string }) =>
    `Counting ${p.counted}, ${p.author} has no downloads, so it has no share to compare. Another \`by\` or \`cohort\` may count some for it.`,

  // /about
  "about.name": "about",
  "about.description":
    "What hubtrends counts and how, why it differs from Hugging Face's report, how fresh the data is",
  "about.title": "About hubtrends",
  "about.intro":
    "Open-source AI trends from the Hugging Face Hub's own numbers: who the most downloaded open models come from, and where those organisations are based.",
  "about.measures": "What it measures",
  "about.universe-unknown":
    "The 30-day downloads the Hub reports for its most downloaded models, read on a schedule.",
  "about.universe-top": (p: { count: string }) =>
    `The 30-day downloads the Hub reports for its top ${p.count} models by downloads: the shares are of these.`,
  "about.universe-extra": (p: { count: string }) =>
    ` ${p.count} trending and newly created models are read too, for /top and /model.`,
  "about.universe-import": (p: { count: string }) =>
    `The 30-day downloads of all ${p.count} models of an imported snapshot.`,
  "about.regions": "How regions are attributed",
  "about.attribution": (p: { orgs: string; regions: readonly string[] }) =>
    `A curated list of ${p.orgs} organisations, each placed by the country of its headquarters, into ${p.regions.join(", ")}. Models of anyone not on the list count as unattributed: never guessed.`,
  "about.freshness": "Data freshness",
  "about.newest": (p: { at: string; ago: string }) => `Newest snapshot: ${p.at} (${p.ago}).`,
  "about.none": "No snapshot is stored yet.",
  "about.next": (p: { when: string }) => `Next collection: ${p.when}.`,
  "about.failing.hub-unreachable":
    "The last collection failed: the Hub could not be reached; it is being retried.",
  "about.failing.hub-implausible":
    "The last collection was refused: the Hub's answer looked wrong (far fewer models or downloads than usual); it is being retried.",
  "about.failing.storage":
    "The last collection could not be saved: the bot's disk is full or read-only; it is being retried.",
  "about.coverage": "Coverage",
  "about.covered": (p: { share: string }) =>
    `${p.share} of the downloads in the newest snapshot are attributed to a region.`,
  "about.unknown": "Not known until the first snapshot is collected.",
  // /about (issue 8): why the report's 41% differs, the figures side by side, the reviewed lists.
  "about.report-gap": (p: { china: string }) => `Why Hugging Face's report says ${p.china}`,
  "about.report-gap-none": (p: { china: string; us: string }) =>
    `Hugging Face's State of Open Source, Spring 2026 says Chinese models took ${p.china} of downloads (the US ${p.us}): 12 months of downloads of every model on the Hub. ` +
    "This bot counts 30-day downloads of the Hub's most downloaded models, by default credited to the base model's developer (a quantisation counts for whoever made the model it quantises), and leaves what it cannot place unattributed. " +
    "Its own figures, side by side for every way of counting, appear here once the first snapshot is collected.",
  "about.gap.intro": (p: {
    reportChina: string;
    reportUs: string;
    counted: string;
    china: string;
    us: string;
  }) =>
    `Hugging Face's State of Open Source, Spring 2026 says Chinese models took ${p.reportChina} of downloads (the US ${p.reportUs}): 12 months of downloads of every model on the Hub, Feb 2025 to Feb 2026. By default this bot counts ${p.counted}: China ${p.china}, the US ${p.us}. Three choices make the difference:`,
  "about.gap.credit": (p: { lineage: string; uploader: string }) =>
    `· Who gets the credit: by base model's developer, China ${p.lineage}; by uploader, China ${p.uploader} (quantisations and fine-tunes are often uploaded by others).`,
  "about.gap.models": (p: { newChina: string; newUs: string; generativeChina: string }) =>
    `· Which models: among models created in the last 12 months, China ${p.newChina} and the US ${p.newUs}; among generative models, China ${p.generativeChina} (encoders and embedding models weigh heavily in 30-day counts).`,
  "about.gap.unattributed": (p: { share: string }) =>
    `· What stays unattributed: ${p.share} of downloads cannot be placed in a region and count for none.`,
  "about.gap.libraries": (p: { share: string; excluded: string | null }) =>
    `sentence-transformers and cross-encoder, developed at TU Darmstadt and run by Hugging Face, count as US: they carry ${p.share} of the US figure.` +
    (p.excluded === null ? "" : ` ${p.excluded} test repos (CI downloads) are left out.`),
  "about.figures": (p: { by: string }) => `Newest snapshot, ${p.by}`,
  "about.figures-row": (p: {
    cohort: string;
    isDefault: boolean;
    china: string;
    us: string;
    coverage: string;
    hf: string;
  }) =>
    `**${p.cohort}**${p.isDefault ? " (default)" : ""}\nChina ${p.china} · US ${p.us} · attributed ${p.coverage} · HF-run libraries ${p.hf} of the US`,
  "about.test-traffic": "Left out as test traffic",
  "about.test-traffic-list": (p: { rules: readonly string[] }) =>
    `CI test fixtures carry real download counts; they count in no cohort: ${p.rules.join(", ")}.`,
  "about.not-established": "Looked up, base not established",
  "about.not-established-list": (p: { authors: readonly string[] }) =>
    `Checked, but no reliable source says where they are based, so their downloads stay unattributed: ${p.authors.join(", ")}.`,

  // /digest: registration.
  "digest.description": "Weekly open-source AI digests posted to a channel (Manage Server)",
  "digest.set.description":
    "Create a weekly digest, or change one (with id); also turns an off digest back on",
  "digest.set.channel": "Text or announcement channel, thread or forum to post in",
  "digest.set.day": "Day of the week to post on",
  "digest.set.time": "Time of day, 24-hour HH:MM (09:00, 18:30)",
  "digest.set.timezone": "IANA time zone, e.g. Europe/Paris, America/New_York, Asia/Shanghai",
  "digest.set.region": "china, us, europe, asia or other; leave empty for all regions",
  "digest.set.language": "Language of the digest (default: the server's)",
  "digest.set.role": "Role to mention in each post (the only mention it makes)",
  // /digest set (issue 8): the counting method; with id, an option left out keeps the digest's.
  "digest.set.by":
    "Who gets the credit: base model's developer (default) or uploader; with id, kept if left out",
  "digest.set.cohort":
    "Which models count: all (default), last 12 months or generative; with id, kept if left out",
  "digest.show.description": "List this server's digests: schedule, next and last post, problems",
  "digest.preview.description": "See the digest as it would be posted now (only you see it)",
  "digest.send-now.description": "Post this week's digest now instead of at the scheduled time",
  "digest.off.description": "Stop posting a digest; its settings are kept",
  "day.mon": "Monday",
  "day.tue": "Tuesday",
  "day.wed": "Wednesday",
  "day.thu": "Thursday",
  "day.fri": "Friday",
  "day.sat": "Saturday",
  "day.sun": "Sunday",

  // /digest: refusals.
  "digest.guild-only": "Digests belong to a server: use /digest in a server channel.",
  "digest.manage-server-only": (p: { missing: readonly PermissionName[] }) =>
    `Only members with the **${permissions(p.missing)}** permission${s(p.missing.length)} can set up or change digests.`,
  "watch.manage-server-only": (p: { missing: readonly PermissionName[] }) =>
    `Only members with the **${permissions(p.missing)}** permission${s(p.missing.length)} can set up or change watches.`,
  "digest.none": "This server has no digests yet. Create one with `/digest set`.",
  "digest.which": (p: { count: number; ids: readonly string[] }) =>
    `This server has ${p.count} digests (${p.ids.join(", ")}): say which one with \`id\`. \`/digest show\` lists them.`,
  "digest.unknown": (p: { id: number }) =>
    `This server has no digest #${p.id}. \`/digest show\` lists the server's digests.`,
  "digest.bad-time": (p: { typed: string }) =>
    `${quoted(p.typed)} is not a time I can read: use 24-hour HH:MM, like 09:00 or 18:30.`,
  "digest.bad-timezone": (p: { typed: string; guesses: readonly string[] }) =>
    `${quoted(p.typed)} is not a time zone I know.${didYouMean(p.guesses)} Use an IANA name such as Europe/Paris, America/New_York or Asia/Shanghai: it follows daylight saving time for you.`,
  "digest.channel-type": (p: { channel: string }) =>
    `${p.channel} is not a text or announcement channel, a thread or a forum: pick one of those for the digest.`,
  "digest.cannot-post-set": (p: { channel: string; reason: string; missing: readonly PermissionName[] }) =>
    `I can't post the digest in ${p.channel}: ${p.reason}.` +
    (p.missing.length > 0
      ? ` Give my role ${permissions(p.missing)} in ${p.channel} (channel settings → Permissions), then run this again.`
      : "") +
    " Nothing was saved.",
  "digest.limit": (p: { limit: number }) =>
    `This server already has ${p.limit} digests, the most allowed. Change one with \`/digest set id:…\` (\`/digest show\` lists them), or turn one off with \`/digest off\`.`,
  "digest.paused": (p: { id: number; reason: string }) =>
    `Digest #${p.id} is paused: ${p.reason}. Fix that, then \`/digest set id:${p.id}\` resumes it; send-now works again after that.`,
  "digest.is-off": (p: { id: number }) =>
    `Digest #${p.id} is off. \`/digest set id:${p.id}\` turns it back on.`,
  "digest.cannot-post-now": (p: { id: number; channel: string; reason: string }) =>
    `I can't post digest #${p.id} in ${p.channel}: ${p.reason}. Nothing was posted.`,
  "digest.refused": (p: { id: number; channel: string; reason: string }) =>
    `Discord refused the post in ${p.channel}: ${p.reason}. Digest #${p.id} is paused until you fix that and run \`/digest set id:${p.id}\`.`,
  "digest.send-failed": (p: { detail: string }) =>
    `Discord did not take the post just now (${p.detail}). Try again in a minute; the scheduler also retries on its own.`,
  "digest.unknown-error": "unknown error",

  // /digest: answers.
  "digest.created": (p: { id: number; channel: string; schedule: string; content: string }) =>
    `Digest #${p.id} created: it posts to ${p.channel} ${p.schedule}, about ${p.content}.`,
  "digest.updated": (p: { id: number; channel: string; schedule: string; content: string }) =>
    `Digest #${p.id} updated: it posts to ${p.channel} ${p.schedule}, about ${p.content}.`,
  "digest.resumed": (p: { id: number; channel: string; schedule: string; content: string }) =>
    `Digest #${p.id} updated and back on: it posts to ${p.channel} ${p.schedule}, about ${p.content}.`,
  "digest.next-posts": "Next posts:",
  "digest.tip-history": (p: { channel: string }) =>
    `Tip: give me **Read Message History** in ${p.channel} too, so that after a crash I can check whether the week's post already went out.`,
  "digest.what-next": (p: { id: number }) =>
    `\`/digest preview id:${p.id}\` shows it now; \`/digest send-now id:${p.id}\` posts this week's at once.`,
  "digest.schedule": (p: { day: string; time: string; timezone: string }) =>
    `every ${p.day} at ${p.time} (${p.timezone})`,
  "digest.content": (p: { about: string; language: string }) => `${p.about}, in ${p.language}`,
  // A digest's counting method (issue 8), in /digest set's confirmation and /digest show.
  "digest.method": (p: { by: string; cohort: string }) => `Counting: ${p.by} · ${p.cohort}`,
  "digest.all-regions": "all regions",
  "digest.language.en-US": "English",
  "digest.language.zh-CN": "Chinese (简体中文)",
  "digest.upcoming": (p: { at: string; local: string; timezone: string }) =>
    `• ${p.at} (${p.local} ${p.timezone})`,
  "digest.preview": (p: { id: number; channel: string }) =>
    `Preview of digest #${p.id}, as it would be posted in ${p.channel} now:`,
  "digest.posted": (p: { id: number; channel: string; link: string; period: string }) =>
    `Digest #${p.id} is posted in ${p.channel}: ${p.link}. It counts as this week's post (${p.period}), so the scheduled one will not follow.`,
  "digest.already-posted": (p: { id: number; period: string; link: string | null }) =>
    `Digest #${p.id} was already posted this week (${p.period})${p.link === null ? "" : `: ${p.link}`}. The next one follows on schedule.`,
  "digest.posting": (p: { id: number; period: string; channel: string }) =>
    `Digest #${p.id} is being posted for this week (${p.period}) right now; it will appear in ${p.channel} in a moment.`,
  "digest.turned-off": (p: { id: number; channel: string }) =>
    `Digest #${p.id} is off: nothing more goes to ${p.channel}. Its settings are kept; \`/digest set id:${p.id}\` with the same options turns it back on.`,
  "digest.show.none":
    "This server has no digests yet. `/digest set` creates one: a channel, a weekday, a time and a time zone.",
  "digest.show.title": (p: { count: number; max: number }) => `Weekly digests (${p.count} of ${p.max})`,
  "digest.show.footer": "Change one with /digest set id:…, stop one with /digest off id:…",
  "digest.show.field": (p: { id: number; status: string }) => `#${p.id} · ${p.status}`,
  "digest.status.on": "on",
  "digest.status.off": "off",
  "digest.status.paused": "paused",
  "digest.show.paused": (p: { id: number; reason: string }) =>
    `**Paused**: ${p.reason}. Fix that, then \`/digest set id:${p.id}\` resumes it.`,
  "digest.show.off": (p: { id: number }) => `**Off**: \`/digest set id:${p.id}\` turns it back on.`,
  "digest.show.next": (p: { at: string; local: string; timezone: string }) =>
    `Next post: ${p.at} (${p.local} ${p.timezone})`,
  "digest.show.no-next": "Next post: none scheduled",
  "digest.show.last": (p: { at: string; period: string; link: string }) =>
    `Last post: ${p.at} (${p.period}) · [open](${p.link})`,
  "digest.show.no-last": "Last post: none yet",
  "digest.show.retrying": (p: { period: string; when: string }) => `${p.period}: failed, retrying ${p.when}`,
  "digest.show.not-posted": (p: { period: string; reason: string }) =>
    `${p.period}: not posted (${p.reason})`,
  "digest.show.skipped": "skipped",
  "digest.show.last-error": (p: { when: string; error: string }) => `Last error (${p.when}): ${p.error}`,

  // Why a channel does not take a digest (shown to admins; stored as a paused digest's reason).
  "channel.deleted": "the channel no longer exists (it was deleted)",
  "channel.not-text": "the channel is not a text or announcement channel, a thread or a forum",
  "channel.missing-permissions": (p: { missing: readonly PermissionName[] }) =>
    `I am missing the ${permissions(p.missing)} permission${s(p.missing.length)} in the channel`,
  "channel.discord-unknown-channel": "the channel no longer exists (Discord: Unknown Channel)",
  "channel.discord-unknown-guild": "I am no longer in the server (Discord: Unknown Guild)",
  "channel.discord-missing-access": "I can no longer see the channel (Discord: Missing Access)",
  "channel.discord-missing-permissions":
    "I am missing a permission in the channel: I need View Channel, Send Messages, Embed Links and Attach Files (Discord: Missing Permissions)",
  "channel.discord-not-text": "the channel does not take messages (Discord: non-text channel)",

  // Charts, summaries and the command line keep their words in catalogues of their own.
  ...chartsEnUS,
  ...watchesEnUS,
  ...summariesEnUS,
  ...cliEnUS,
};

/** The shape every locale's catalogue has: the keys of the English one, with the same parameters. */
export type Messages = typeof enUS;
