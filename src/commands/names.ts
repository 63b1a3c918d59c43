import type { CommandServices } from "../bot/command-services.js";
import { choiceName, DISCORD_LIMITS, safeText } from "../bot/discord-text.js";
import type { Choice } from "../bot/options.js";
import type { Translator } from "../locales/index.js";
import { taskLabel } from "../services/charts/text.js";
import type { Locale } from "../services/format/locale.js";
import { regionLabel } from "../services/format/locale.js";
import { formatCompact } from "../services/format/numbers.js";
import { closeMatches, type NameIndex, nameIndexOf, searchNames } from "../services/snapshots/name-index.js";
import type { RegionLookup } from "../services/stats/inputs.js";

/**
 * The name index of the newest snapshot, for autocomplete, which must answer within ~100 ms: from
 * memory only. The trends service holds the newest stored snapshot and builds its index when it
 * notices it (within a minute of its saving, by any process; see TrendsService.refresh), so no
 * answer waits for a load or an index. Null when nothing is stored.
 */
export function autocompleteIndex(services: Pick<CommandServices, "trends">): NameIndex | null {
  const snapshot = services.trends.newestStored();
  return snapshot === null ? null : nameIndexOf(snapshot);
}

/** Most choices Discord shows (and accepts) for one autocomplete. */
const MAX_CHOICES = DISCORD_LIMITS.choices;

/** A value Discord accepts as a choice (1..100 characters); longer names cannot be offered. */
function fits(value: string): boolean {
  return value.length > 0 && value.length <= DISCORD_LIMITS.choiceValue;
}

/** Model ids containing what was typed, best first: "Qwen/Qwen3-8B · 12.3M downloads". */
export function modelChoices(index: NameIndex | null, typed: string, t: Translator): Choice[] {
  if (index === null) return [];
  return searchNames(index.modelIds, typed, MAX_CHOICES * 2)
    .filter(fits)
    .slice(0, MAX_CHOICES)
    .map((id) => {
      const model = index.model(id);
      const name =
        model === undefined
          ? id
          : t("model.choice", { id, downloads: formatCompact(model.downloads, t.locale) });
      return { name: choiceName(name), value: id };
    });
}

/** Organisations containing what was typed, best first: "Qwen · China". */
export function orgChoices(
  index: NameIndex | null,
  typed: string,
  locale: Locale,
  lookup: RegionLookup,
): Choice[] {
  if (index === null) return [];
  return searchNames(index.authors, typed, MAX_CHOICES * 2)
    .filter(fits)
    .slice(0, MAX_CHOICES)
    .map((author) => ({
      name: choiceName(`${author} · ${regionLabel(lookup.regionOf(author), locale)}`),
      value: author,
    }));
}

/** Tasks of the snapshot whose tag or name contains what was typed: "Text generation (text-generation)". */
export function taskChoices(index: NameIndex | null, typed: string, locale: Locale): Choice[] {
  if (index === null) return [];
  const wanted = typed.trim().toLowerCase();
  return index.tasks
    .filter(
      (task) =>
        wanted === "" ||
        task.toLowerCase().includes(wanted) ||
        taskLabel(task, locale).toLowerCase().includes(wanted),
    )
    .filter(fits)
    .slice(0, MAX_CHOICES)
    .map((task) => ({ name: choiceName(`${taskLabel(task, locale)} (${task})`), value: task }));
}

/** Up to three names close to `typed`, escaped (they are Hub names), for a "did you mean". */
export function closeNames(names: readonly string[], typed: string): string[] {
  return closeMatches(names, typed, 3).map((name) => safeText(name, 100));
}

/** What a person typed, safe to quote in an answer: trimmed, escaped and cut short. */
export function typedText(typed: string): string {
  return safeText(typed.trim(), 60);
}
