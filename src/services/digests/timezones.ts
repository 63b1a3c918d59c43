import { boundInput } from "../text/bounded-input.js";
import { editDistance } from "../text/edit-distance.js";
import { ABBREVIATIONS, HALF_HOUR_OFFSETS, PLACES, RENAMED } from "./timezone-names.js";

/**
 * What an admin typed as a time zone: either an IANA zone we accept (`zone` is its current
 * spelling), or a list of zones they may have meant, best first (possibly empty).
 */
export type TimeZoneResolution = { ok: true; zone: string } | { ok: false; suggestions: string[] };

const MAX_SUGGESTIONS = 5;
/**
 * The most of the input that is matched: twice the longest IANA name
 * (`America/Argentina/ComodRivadavia`, 32), room for spaces and a typo or two.
 */
export const MAX_TIME_ZONE_INPUT = 64;

interface ZoneIndex {
  /** Lower-case accepted name → the spelling we store. */
  accepted: Map<string, string>;
  /** Squashed city part of each zone (`newyork`, `kolkata`, `calcutta`) → zones. */
  cities: Map<string, string[]>;
  /** Every zone we might suggest, current spelling, lower-cased alongside. */
  suggestable: { lower: string; zone: string }[];
}

let index: ZoneIndex | undefined;

/** Built on first use: the list depends only on the runtime's ICU data. */
function zoneIndex(): ZoneIndex {
  if (index !== undefined) return index;
  const accepted = new Map<string, string>();
  const cities = new Map<string, string[]>();
  const addCity = (name: string, zone: string) => {
    const city = name.split("/").at(-1);
    if (city === undefined) return;
    const key = squash(city);
    const zones = cities.get(key) ?? [];
    if (!zones.includes(zone)) zones.push(zone);
    cities.set(key, zones);
  };
  for (const listed of Intl.supportedValuesOf("timeZone")) {
    const renamed = RENAMED[listed];
    const zone = renamed !== undefined && isIntlZone(renamed) ? renamed : listed;
    accepted.set(listed.toLowerCase(), zone);
    accepted.set(zone.toLowerCase(), zone);
    addCity(listed, zone);
    addCity(zone, zone);
  }
  accepted.set("utc", "UTC");
  const suggestable = [...new Set(accepted.values())].map((zone) => ({ lower: zone.toLowerCase(), zone }));
  index = { accepted, cities, suggestable };
  return index;
}

function isIntlZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** How `Intl` itself spells a zone it accepts (`etc/gmt+5` → `Etc/GMT+5`), or null. */
function intlSpelling(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Lower case, without spaces, underscores, hyphens, dots or apostrophes: "New York" → "newyork". */
function squash(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_.'’-]+/gu, "");
}

/**
 * Resolves what an admin typed as a digest's time zone.
 *
 * Accepted (case-insensitively): the zones the runtime's ICU lists (`Intl.supportedValuesOf`),
 * their current IANA spellings (`Asia/Kolkata` for ICU's `Asia/Calcutta`), `UTC`, and `Etc/*`
 * zones `Intl` knows. Everything else gets suggestions: abbreviations (`PST`, the ambiguous
 * `CST`), city and country names (`Beijing`, `北京`, `San Francisco`), old IANA aliases
 * (`US/Pacific`), and zone names a typo away (`Europe/Pari`, `asia/shangai`).
 */
export function resolveTimeZone(input: string): TimeZoneResolution {
  // Spaces are collapsed before the cut, so that a long run of them cannot hide what follows.
  const text = boundInput(input.trim().replace(/\s+/gu, " "), MAX_TIME_ZONE_INPUT);
  if (text === "") return { ok: false, suggestions: [] };
  const { accepted } = zoneIndex();
  const lower = text.toLowerCase();

  const zone = accepted.get(lower);
  if (zone !== undefined) return { ok: true, zone };
  if (lower.startsWith("etc/")) {
    const spelled = intlSpelling(text);
    if (spelled !== null) return { ok: true, zone: spelled };
  }
  return { ok: false, suggestions: suggest(text) };
}

function suggest(text: string): string[] {
  const { accepted, cities, suggestable } = zoneIndex();
  const lower = text.toLowerCase();
  const squashed = squash(text);
  const found: string[] = [];
  const add = (zones: Iterable<string>) => {
    for (const zone of zones) if (!found.includes(zone)) found.push(zone);
  };

  add(ABBREVIATIONS[squashed] ?? []);
  add(utcOffsetZones(lower));
  add(PLACES[squashed] ?? []);
  // "New York", "tokyo", and "Europe/Shanghai" (the city is right, the area is not).
  add(cities.get(squashed) ?? []);
  const city = text.split("/").at(-1);
  if (city !== undefined && city !== text) add(cities.get(squash(city)) ?? []);

  // Old aliases Intl still resolves (US/Pacific, Asia/Chongqing, Etc-less UCT): offer the zone
  // they stand for. Not for abbreviations Intl happens to know (EST is a fixed UTC-5, not New York).
  if (found.length === 0) {
    const spelled = intlSpelling(text);
    const current = spelled === null ? undefined : accepted.get(spelled.toLowerCase());
    if (current !== undefined) add([current]);
  }

  // A typo search only when nothing above matched: "PST" is not a misspelt zone.
  if (found.length === 0) add(nearZoneNames(lower, squashed, suggestable));
  return found.slice(0, MAX_SUGGESTIONS);
}

/** `UTC+8`, `GMT-05:00`, `+8`: the matching `Etc/GMT` zone (whose sign is inverted, per POSIX). */
function utcOffsetZones(lower: string): readonly string[] {
  const match = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(lower);
  if (match === null) return [];
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? "0");
  if (hours === 0 && minutes === 0) return ["UTC"];
  if (minutes !== 0) return HALF_HOUR_OFFSETS[`${match[1]}${hours}:${match[3]}`] ?? [];
  if (hours > 14) return [];
  const name = `Etc/GMT${match[1] === "+" ? "-" : "+"}${hours}`;
  return isIntlZone(name) ? [name] : [];
}

/**
 * Zones whose full name or city part is a few edits from the input, closest first; then zones
 * the input is a prefix of (`asia/sh` → Asia/Shanghai).
 */
function nearZoneNames(
  lower: string,
  squashed: string,
  suggestable: readonly { lower: string; zone: string }[],
): string[] {
  if (squashed.length < 3) return [];
  const scored: { zone: string; distance: number }[] = [];
  for (const candidate of suggestable) {
    const city = candidate.lower.split("/").at(-1) ?? candidate.lower;
    const allowed = allowedEdits(squashed.length);
    const distance = Math.min(
      editDistance(lower, candidate.lower, allowed),
      editDistance(squashed, squash(city), allowed),
      editDistance(lower.replace(/ /g, "_"), candidate.lower, allowed),
    );
    if (distance <= allowed) scored.push({ zone: candidate.zone, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.zone.localeCompare(b.zone));
  const prefixed = lower.includes("/")
    ? suggestable.filter((candidate) => candidate.lower.startsWith(lower)).map((candidate) => candidate.zone)
    : [];
  return [...scored.map((entry) => entry.zone), ...prefixed];
}

function allowedEdits(length: number): number {
  if (length <= 5) return 1;
  if (length <= 12) return 2;
  return 3;
}
