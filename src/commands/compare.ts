import { answerEmbed, chartMessage, snapshotFooter } from "../bot/answers.js";
import { defineCommand } from "../bot/command.js";
import type { CommandServices } from "../bot/command-services.js";
import { safeText } from "../bot/discord-text.js";
import { CHART_ANSWER } from "../bot/guards.js";
import { type OptionSpec, stringOption } from "../bot/options.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import type { PlainKey, Translator } from "../locales/index.js";
import { compareOrgs, compareRegions } from "../services/charts/specs/compare.js";
import { chartText } from "../services/charts/text.js";
import type { CompareInput } from "../services/charts/types.js";
import { buildChartSpec } from "../services/charts/views.js";
import { regionLabel } from "../services/format/locale.js";
import { formatShare } from "../services/format/numbers.js";
import { type CountingMethod, methodOf } from "../services/method/method.js";
import { methodSentence } from "../services/method/wording.js";
import { parseRegion, suggestRegions } from "../services/regions/parse-region.js";
import { REGIONS, type Region } from "../services/regions/types.js";
import { closeMatches, nameIndexOf } from "../services/snapshots/name-index.js";
import { orgProfile, snapshotSource } from "../services/snapshots/profiles.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";
import { againstSnapshot, staleNoteAt, withData } from "./data-notes.js";
import { autocompleteIndex, orgChoices, typedText } from "./names.js";
import { byOption, cohortOption, methodFileSuffix, regionChoices } from "./shared-options.js";

/** Every organisation, so that any two can be compared (compareOrgs looks in `topOrgs`). */
const ALL_ORGS = 1_000_000;

type Side = { kind: "region"; region: Region } | { kind: "org"; author: string };

/** One side: a region or an organisation, suggested together. */
function sideOption(name: PlainKey, description: PlainKey): OptionSpec<string, true> {
  return stringOption({
    description,
    nameKey: name,
    required: true,
    maxLength: 100,
    autocomplete: (typed, { services, locale }) =>
      [
        ...regionChoices(typed, locale),
        ...orgChoices(autocompleteIndex(services), typed, locale, services.lookup),
      ].slice(0, 25),
  });
}

/** `/compare a b`: two regions or two organisations side by side, in one chart. */
export default defineCommand({
  name: "compare",
  nameKey: "compare.name",
  description: "compare.description",
  options: {
    a: sideOption("compare.a.name", "compare.a.description"),
    b: sideOption("compare.b.name", "compare.b.description"),
    by: byOption({ localisedName: true }),
    cohort: cohortOption({ localisedName: true }),
  },
  needs: { appPermissions: CHART_ANSWER, cooldownSeconds: 5 },
  visibility: "public",
  mayBeSlow: true,

  check({ options, services, t }) {
    const method = methodOf(options);
    return againstSnapshot(services, async (current) => {
      // Under a method other than the default, the snapshot's universe may not be aggregated yet:
      // done here a few milliseconds at a time, so that the checks below find it in memory.
      await services.trends.universeOf(current, method);
      return { sides: pair(current, options.a, options.b, method, services, t), method };
    });
  },

  async run({ services, t }, { plan: { sides, method } }) {
    const [a, b] = sides;
    const input = await withData(() => compared(services, a, b, method), services.collection, services.clock);
    const spec = buildChartSpec("compare", input, { locale: t.locale });
    const fileStem = `compare-${nameOf(a)}-${nameOf(b)}${methodFileSuffix(method)}`.toLowerCase();
    return chartMessage(compareEmbed(input, services, t), { spec, fileStem }, services);
  },
});

/** The figures of both sides, from the newest stats (every organisation's, for two of them). */
async function compared(
  services: CommandServices,
  a: Side,
  b: Side,
  method: CountingMethod,
): Promise<CompareInput> {
  if (a.kind === "region" && b.kind === "region") {
    const { stats } = await services.trends.stats({ region: null, windowWeeks: 1, ...method });
    return compareRegions(stats, a.region, b.region);
  }
  const { stats } = await services.trends.stats({
    region: null,
    windowWeeks: 1,
    ...method,
    limits: { topOrgs: ALL_ORGS },
  });
  const input = compareOrgs(stats, nameOf(a), nameOf(b));
  if (input === null) throw new Error(`compareOrgs found no ${nameOf(a)} or ${nameOf(b)} after the check`);
  return input;
}

/** "**Share of downloads**: 41.2% vs 30.5%", one line per metric, under who is compared. */
function compareEmbed(input: CompareInput, services: CommandServices, t: Translator) {
  const { locale } = t;
  const text = chartText(locale);
  const label = (side: CompareInput["sides"][number]) =>
    input.kind === "regions" ? regionLabel(side.region, locale) : side.name;
  const [left, right] = input.sides;
  const lines = input.metrics.map((metric) => {
    const value = (side: typeof left) => {
      const share = side.values[metric];
      return share === undefined ? "–" : formatShare(share, locale);
    };
    return `**${text.compareMetrics[metric]}**: ${value(left)} ${text.versus} ${value(right)}`;
  });
  const who =
    input.kind === "orgs"
      ? `${safeText(left.name, 100)} (${regionLabel(left.region, locale)}) ${text.versus} ${safeText(right.name, 100)} (${regionLabel(right.region, locale)})\n\n`
      : "";
  return answerEmbed({
    title: text.compareTitle(label(left), label(right)),
    description: `${who}${lines.join("\n")}`,
    footer: snapshotFooter(input, locale, staleNoteAt(input.asOf, services, t)),
    timestamp: input.asOf,
  });
}

function nameOf(side: Side): string {
  return side.kind === "region" ? side.region : side.author;
}

/**
 * Both sides, of one kind, different, and each with figures to compare under `method`; else a
 * refusal saying why.
 */
function pair(
  current: Snapshot,
  typedA: string,
  typedB: string,
  method: CountingMethod,
  services: CommandServices,
  t: Translator,
): [Side, Side] {
  const index = nameIndexOf(current);
  const side = (typed: string): Side => {
    const region = parseRegion(typed);
    if (region !== null) return { kind: "region", region };
    const author = index.author(typed);
    if (author !== undefined) return { kind: "org", author };
    const guesses = [...suggestRegions(typed), ...closeMatches(index.authors, typed, 3)].slice(0, 4);
    throw new UserFacingError("compare.unknown-side", {
      typed: typedText(typed),
      regions: REGIONS,
      guesses: guesses.map((guess) => safeText(guess, 100)),
    });
  };
  const a = side(typedA);
  const b = side(typedB);
  if (a.kind !== b.kind) {
    const [region, org] = a.kind === "region" ? [typedA, typedB] : [typedB, typedA];
    throw new UserFacingError("compare.mixed", { region: typedText(region), org: typedText(org) });
  }
  if (nameOf(a).toLowerCase() === nameOf(b).toLowerCase()) {
    const name = typedText(nameOf(a));
    throw new UserFacingError(a.kind === "region" ? "compare.same-regions" : "compare.same-orgs", { name });
  }
  for (const s of [a, b]) {
    if (s.kind !== "org") continue;
    if ((orgProfile(current, null, s.author, services.lookup, method)?.stat ?? null) !== null) continue;
    throw new UserFacingError("compare.outside-method", {
      author: safeText(s.author, 100),
      counted: methodSentence(snapshotSource(current, services.lookup, method), t.locale),
    });
  }
  return [a, b];
}
