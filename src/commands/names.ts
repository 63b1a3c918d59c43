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

interface Followed {
  index: NameIndex | null;
  warming: boolean;
}

// Per trends service (one per running bot), not a global: tests and benches run several bots.
const followed = new WeakMap<object, Followed>();

/**
 * The name index of the newest snapshot, for autocomplete, which must answer within ~100 ms.
 * The index is kept and reused as long as the newest snapshot's id stays the same (one cheap
 * query). When a newer snapshot appears, loading it (tens of ms for 10,000 models) and indexing it
 * happen just after this answer, which still comes from the previous index; only the very first
 * call of a process waits for the load. Null when nothing is stored.
 */
export function autocompleteIndex(services: Pick<CommandServices, "store" | "trends">): NameIndex | null {
  const newestId = services.store.newestMeta()?.id;
  if (newestId === undefined) return null;
  let state = followed.get(services.trends);
  if (state === undefined) {
    state = { index: null, warming: false };
    followed.set(services.trends, state);
  }
  const current = state;
  if (current.index?.snapshotId === newestId) return current.index;
  const load = () => {
    const snapshot = services.trends.newestStored();
    current.index = snapshot === null ? null : nameIndexOf(snapshot);
  };
  if (current.index === null) {
    load();
    return current.index;
  }
  if (!current.warming) {
    current.warming = true;
    setImmediate(() => {
      try {
        load();
      } finally {
        current.warming = false;
      }
    });
  }
  return current.index;
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
