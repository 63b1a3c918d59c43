import type { Summary, SummaryFact } from "./types.js";

/** A piece of summary text together with the facts whose rendered numbers it contains. */
export interface Part {
  readonly text: string;
  readonly facts: readonly SummaryFact[];
}

/** A number from the stats, as it will read in the text. */
export function fact(path: string, value: number, rendered: string): Part {
  return { text: rendered, facts: [{ path, value, rendered }] };
}

/**
 * Builds a part from a template. Interpolated strings are wording or names and carry no facts;
 * interpolated parts bring theirs along, so a sentence cannot show a number it does not account for.
 */
export function tpl(strings: TemplateStringsArray, ...values: ReadonlyArray<Part | string>): Part {
  let text = strings[0] ?? "";
  const facts: SummaryFact[] = [];
  values.forEach((value, i) => {
    if (typeof value === "string") {
      text += value;
    } else {
      text += value.text;
      facts.push(...value.facts);
    }
    text += strings[i + 1] ?? "";
  });
  return { text, facts };
}

/** Joins parts with a separator, keeping their facts in order. */
export function joinParts(parts: readonly Part[], separator: string): Part {
  return {
    text: parts.map((part) => part.text).join(separator),
    facts: parts.flatMap((part) => part.facts),
  };
}

/** One line of a summary. Priority 0 is always kept; higher numbers are dropped first when too long. */
export interface Line extends Part {
  readonly priority: number;
}

export function line(part: Part, priority: number): Line {
  return { text: part.text, facts: part.facts, priority };
}

/**
 * Joins lines into a summary of at most `maxLength` UTF-16 code units (never fewer code points, so
 * the limit holds however Discord counts). Whole lines are dropped, least important and then last
 * first, so no number is ever cut in half and every fact left still appears in the text.
 */
export function fitLines(lines: readonly Line[], maxLength: number): Summary {
  const kept = [...lines];
  while (joinedLength(kept) > maxLength) {
    let drop = -1;
    kept.forEach((candidate, i) => {
      const current = kept[drop];
      if (candidate.priority > 0 && (current === undefined || candidate.priority >= current.priority)) {
        drop = i;
      }
    });
    if (drop < 0) break;
    kept.splice(drop, 1);
  }
  const text = kept.map((l) => l.text).join("\n");
  const facts = kept.flatMap((l) => l.facts);
  if (text.length <= maxLength) return { text, facts };
  // Required lines are bounded by construction (names are ellipsized); this guard only keeps the
  // length promise should that ever stop being true, and drops facts the cut took away.
  const cut = cutToLength(text, maxLength);
  return { text: cut, facts: facts.filter((f) => cut.includes(f.rendered)) };
}

function joinedLength(lines: readonly Line[]): number {
  return lines.reduce((sum, l) => sum + l.text.length, 0) + Math.max(0, lines.length - 1);
}

function cutToLength(text: string, maxLength: number): string {
  const chars = Array.from(text);
  let length = text.length;
  while (chars.length > 0 && length + 1 > maxLength) {
    length -= chars.pop()?.length ?? 0;
  }
  return `${chars.join("")}…`;
}
