import type { Region } from "../../services/regions/types.js";
import { joinParts, type Part, tpl } from "../../services/summaries/parts.js";
import type { MethodParts } from "../../services/summaries/wording.js";

/**
 * The summaries' words in English: what `/trends`, the weekly digest and the digest post say,
 * and the counting method in words. Spread into `en-US.ts`.
 *
 * A summary's numbers must each be one of its facts (src/services/summaries/types.ts), so the
 * summaries' messages are phrases: they take `Part`s (a number as it reads, with the fact behind
 * it) and return one built with `tpl`, which carries every fact it is given into the sentence.
 * Strings given alongside (names, words) carry no facts. Dates, ages and spans arrive as parts.
 */

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Whose figures a region's are, mid-sentence: the organisations based there. */
const SUBJECT: Record<Region, string> = {
  china: "Chinese organisations",
  us: "US organisations",
  europe: "European organisations",
  asia: "Asia-Pacific organisations",
  other: "organisations elsewhere",
};

/** " (+1.3 pp week over week)": the clause after a headline share. */
const clause = (change: Part | null): Part | string => (change === null ? "" : tpl` (${change})`);

const MODELS = {
  all: (n: string, top: boolean) => (top ? `the top ${n} models` : `the ${n} models of this snapshot`),
  new: (n: string, top: boolean) =>
    top
      ? `the models created in the last 12 months among the top ${n}`
      : `the models created in the last 12 months among the ${n} of this snapshot`,
  generative: (n: string, top: boolean) =>
    top
      ? `the generative models among the top ${n}`
      : `the generative models among the ${n} of this snapshot`,
};

type Method = { method: MethodParts };
type Change = { change: Part | null };

export const summariesEnUS = {
  // The counting method in words (summaries, chart footers, the CLI, /about).
  "method.credit.uploader": "credited to the uploader",
  "method.credit.lineage": "credited to the base model's developer",
  "method.models.all": (p: { count: string; top: boolean }) => MODELS.all(p.count, p.top),
  "method.models.new": (p: { count: string; top: boolean }) => MODELS.new(p.count, p.top),
  "method.models.generative": (p: { count: string; top: boolean }) => MODELS.generative(p.count, p.top),
  "method.sentence": (p: { models: string; credit: string }) =>
    `30-day downloads of ${p.models}, ${p.credit}`,
  "method.by.uploader": "by uploader",
  "method.by.lineage": "by base model's developer",
  "method.cohort.all": "all models",
  "method.cohort.new": "created in the last 12 months",
  "method.cohort.generative": "generative models",

  // summaries: shared pieces
  "summary.subject": (p: { region: Region; start: boolean }) =>
    p.start ? capitalised(SUBJECT[p.region]) : SUBJECT[p.region],
  "summary.period.week": tpl`week over week`,
  "summary.period.weeks": (p: { weeks: Part }) => tpl`over ${p.weeks} weeks`,
  "summary.period.since": (p: { since: Part; span: Part }) => tpl`since ${p.since} (${p.span})`,
  "summary.span.hours": (p: { count: string }) => `${p.count} h`,
  "summary.span.days": (p: { count: string; days: number }) => (p.days === 1 ? "1 day" : `${p.count} days`),
  "summary.age.moments": "moments ago",
  "summary.age.minutes": (p: { count: string }) => `${p.count} min ago`,
  "summary.age.hours": (p: { count: string }) => `${p.count} h ago`,
  "summary.age.days": (p: { count: string; days: number }) =>
    p.days === 1 ? "1 day ago" : `${p.count} days ago`,

  // summaries: /trends
  "summary.trends.no-downloads": tpl`No downloads in this snapshot.`,
  "summary.trends.region-no-downloads": (p: { subject: string }) =>
    tpl`${p.subject}: no downloads in this snapshot.`,
  "summary.trends.age-only": (p: { age: Part | null }) =>
    p.age === null ? tpl`Data age unknown.` : tpl`Data from ${p.age}.`,
  "summary.trends.change": (p: { change: Part; period: Part }) => tpl`${p.change} ${p.period}`,
  "summary.trends.no-change": (p: { period: Part }) => tpl`no change ${p.period}`,
  "summary.trends.counts-unchanged": (p: { since: Part }) =>
    tpl`download counts unchanged since ${p.since}: the Hub has not refreshed them`,
  "summary.trends.region-share": (p: { subject: string; share: Part } & Method & Change) =>
    tpl`${p.subject}: ${p.share} of ${p.method.sentence}${clause(p.change)}.`,
  "summary.trends.region-none": (p: { subject: string } & Method & Change) =>
    tpl`${p.subject}: none of ${p.method.models}${clause(p.change)}.`,
  "summary.trends.leads": (p: { region: string; share: Part } & Method & Change) =>
    tpl`${p.region} leads with ${p.share} of ${p.method.sentence}${clause(p.change)}.`,
  "summary.trends.no-leader": (p: Method) =>
    tpl`No region leads: of the ${p.method.sentence}, none is attributed to a region.`,
  "summary.trends.ranking": (p: { items: readonly Part[] }) => tpl`Then ${joinParts(p.items, ", ")}.`,
  "summary.trends.where": (p: { region: string }) => ` (${p.region})`,
  "summary.trends.of-all": "all downloads",
  "summary.trends.of-region": (p: { subject: string }) => `the downloads of ${p.subject}`,
  "summary.trends.leader": (p: { name: string; where: string; share: Part; whose: string }) =>
    tpl`Top organisation: ${p.name}${p.where}, ${p.share} of ${p.whose}.`,
  "summary.trends.mover": (p: {
    name: string;
    where: string;
    downloads: Part | null;
    share: Part;
    whose: string;
    change: Part;
  }) =>
    p.downloads === null
      ? tpl`Biggest mover: ${p.name}${p.where}, new, ${p.share} of ${p.whose} (${p.change}).`
      : tpl`Biggest mover: ${p.name}${p.where}, ${p.downloads} downloads, ${p.share} of ${p.whose} (${p.change}).`,
  "summary.trends.new-model": (p: { id: string; where: string; downloads: Part }) =>
    tpl`New model: ${p.id}${p.where}, ${p.downloads} downloads.`,
  "summary.trends.coverage": (p: { coverage: Part; age: Part | null }) =>
    p.age === null
      ? tpl`Coverage ${p.coverage} of downloads attributed · data age unknown.`
      : tpl`Coverage ${p.coverage} of downloads attributed · data from ${p.age}.`,

  // summaries: the weekly digest
  "summary.digest.week-ending": (p: { date: Part }) => tpl`week ending ${p.date}`,
  "summary.digest.latest-week": "latest week",
  "summary.digest.title": (p: { week: Part | string; focus: string | null; age: Part | null }) => {
    const head =
      p.focus === null ? tpl`Weekly Hub trends · ${p.week}` : tpl`Weekly Hub trends · ${p.focus} · ${p.week}`;
    return p.age === null ? tpl`${head} · data age unknown` : tpl`${head} · data from ${p.age}`;
  },
  "summary.digest.hub-unreachable": (p: { since: Part | null; snapshot: Part | null }) => {
    const down =
      p.since === null ? tpl`the Hub is unreachable` : tpl`the Hub has been unreachable since ${p.since}`;
    return p.snapshot === null
      ? tpl`Note: ${down}; these figures are from the last good snapshot.`
      : tpl`Note: ${down}; these figures are from the last good snapshot, taken ${p.snapshot}.`;
  },
  "summary.digest.hub-implausible": (p: { since: Part | null; snapshot: Part | null }) => {
    const refused =
      p.since === null
        ? tpl`the Hub's latest answers were refused as implausible`
        : tpl`every Hub answer since ${p.since} was refused as implausible`;
    return p.snapshot === null
      ? tpl`Note: ${refused}; these figures are from the last good snapshot.`
      : tpl`Note: ${refused}; these figures are from the last good snapshot, taken ${p.snapshot}.`;
  },
  "summary.digest.storage": (p: { since: Part | null; snapshot: Part | null }) => {
    const unsaved =
      p.since === null
        ? tpl`new snapshots could not be saved (the bot's storage refuses writes)`
        : tpl`no new snapshot could be saved since ${p.since} (the bot's storage refuses writes)`;
    return p.snapshot === null
      ? tpl`Note: ${unsaved}; these figures are from the last good snapshot.`
      : tpl`Note: ${unsaved}; these figures are from the last good snapshot, taken ${p.snapshot}.`;
  },
  "summary.digest.no-downloads": tpl`No downloads in this snapshot.`,
  "summary.digest.shares-header": (p: Method & { period: Part }) =>
    tpl`Share of ${p.method.sentence}, change ${p.period}:`,
  "summary.digest.shares-header-alone": (p: Method) =>
    tpl`Share of ${p.method.sentence} (no older snapshot to compare with yet):`,
  "summary.digest.shares-header-unchanged": (p: Method & { since: Part }) =>
    tpl`Share of ${p.method.sentence} (download counts unchanged since ${p.since}: the Hub has not refreshed them):`,
  "summary.digest.region-line": (p: { region: string; share: Part; change: Part | null }) =>
    p.change === null ? tpl`${p.region} ${p.share}` : tpl`${p.region} ${p.share} (${p.change})`,
  "summary.digest.mover": (p: {
    name: string;
    region: string;
    share: Part;
    change: Part;
    downloads: Part | null;
  }) =>
    p.downloads === null
      ? tpl`${p.name} (${p.region}) ${p.share} (${p.change}, new)`
      : tpl`${p.name} (${p.region}) ${p.share} (${p.change}, downloads ${p.downloads})`,
  "summary.digest.region-mover": (p: { name: string; share: Part; change: Part; downloads: Part | null }) =>
    p.downloads === null
      ? tpl`${p.name} ${p.share} (${p.change}, new)`
      : tpl`${p.name} ${p.share} (${p.change}, downloads ${p.downloads})`,
  "summary.digest.movers": (p: { items: readonly Part[] }) =>
    tpl`Biggest movers, by share of all downloads: ${joinParts(p.items, " · ")}`,
  "summary.digest.region-movers": (p: { subject: string; items: readonly Part[] }) =>
    tpl`Biggest movers, by share of the downloads of ${p.subject}: ${joinParts(p.items, " · ")}`,
  "summary.digest.new-model": (p: { id: string; downloads: Part }) => tpl`${p.id} (${p.downloads} downloads)`,
  "summary.digest.new-models": (p: { region: string; items: readonly Part[] }) =>
    tpl`New models · ${p.region}: ${joinParts(p.items, ", ")}`,
  "summary.digest.no-new-models": tpl`No notable new models in this snapshot.`,
  "summary.digest.untagged": "untagged",
  "summary.digest.tasks": (p: { items: readonly Part[]; scope: string | null }) =>
    p.scope === null
      ? tpl`Top tasks by downloads: ${joinParts(p.items, " · ")}`
      : tpl`Top tasks by downloads among ${p.scope}: ${joinParts(p.items, " · ")}`,
  "summary.digest.small": (p: { limit: string; share: Part; unknown: Part | null; scope: string | null }) => {
    const whose = p.scope === null ? "" : ` among ${p.scope}`;
    const head = tpl`Small deployable models (under ${p.limit} parameters): ${p.share} of downloads${whose}`;
    return p.unknown === null ? head : tpl`${head}; parameter count unknown for ${p.unknown}`;
  },

  // The weekly digest post (its embed title and period).
  "digest-post.title": (p: { scope: string; period: string }) =>
    `Open-source AI weekly · ${p.scope} · ${p.period}`,
  "digest-post.overview": "overview",
  "digest-post.period": (p: { iso: string; year: string; week: number }) => p.iso,
};

/** The shape every locale's summary words have. */
export type SummaryMessages = typeof summariesEnUS;
