/**
 * What an admin typed as a time zone: either an IANA zone we accept (`zone` is its current
 * spelling), or a list of zones they may have meant, best first (possibly empty).
 */
export type TimeZoneResolution = { ok: true; zone: string } | { ok: false; suggestions: string[] };

const MAX_SUGGESTIONS = 5;

/**
 * Names ICU (and so `Intl`) still lists under their pre-rename spelling, mapped to the names the
 * IANA database uses today. Both spellings work with `Intl`; admins and documentation use the new
 * ones, and Node 22's ICU lists the new ones, so this is what we store and show.
 */
const RENAMED: Record<string, string> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/**
 * Abbreviations people write for zones. Never accepted as a zone: most are ambiguous (CST is
 * Chicago and China; IST is India, Ireland and Israel) and a fixed "standard time" silently goes
 * wrong when daylight time starts, so they only produce suggestions.
 */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  pst: ["America/Los_Angeles"],
  pdt: ["America/Los_Angeles"],
  pt: ["America/Los_Angeles"],
  mst: ["America/Denver", "America/Phoenix"],
  mdt: ["America/Denver"],
  mt: ["America/Denver", "America/Phoenix"],
  cst: ["America/Chicago", "Asia/Shanghai"],
  cdt: ["America/Chicago"],
  ct: ["America/Chicago"],
  est: ["America/New_York"],
  edt: ["America/New_York"],
  et: ["America/New_York"],
  akst: ["America/Anchorage"],
  akdt: ["America/Anchorage"],
  hst: ["Pacific/Honolulu"],
  // "GMT" is said for UTC and for UK time (which is not UTC half the year).
  gmt: ["UTC", "Europe/London"],
  bst: ["Europe/London", "Asia/Dhaka"],
  wet: ["Europe/Lisbon"],
  west: ["Europe/Lisbon"],
  cet: ["Europe/Berlin", "Europe/Paris"],
  cest: ["Europe/Berlin", "Europe/Paris"],
  met: ["Europe/Berlin", "Europe/Paris"],
  mez: ["Europe/Berlin"],
  eet: ["Europe/Athens", "Europe/Helsinki"],
  eest: ["Europe/Athens", "Europe/Helsinki"],
  msk: ["Europe/Moscow"],
  ist: ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"],
  pkt: ["Asia/Karachi"],
  ict: ["Asia/Bangkok", "Asia/Ho_Chi_Minh"],
  wib: ["Asia/Jakarta"],
  sgt: ["Asia/Singapore"],
  hkt: ["Asia/Hong_Kong"],
  jst: ["Asia/Tokyo"],
  kst: ["Asia/Seoul"],
  awst: ["Australia/Perth"],
  acst: ["Australia/Adelaide", "Australia/Darwin"],
  acdt: ["Australia/Adelaide"],
  aest: ["Australia/Sydney", "Australia/Brisbane"],
  aedt: ["Australia/Sydney"],
  nzst: ["Pacific/Auckland"],
  nzdt: ["Pacific/Auckland"],
  brt: ["America/Sao_Paulo"],
  北京时间: ["Asia/Shanghai"],
};

/**
 * Places people name that are not the city in a zone's name (cities that are, like Tokyo or
 * New York, are found from the zone list itself). Keys are normalised with {@link squash}.
 */
const PLACES: Record<string, readonly string[]> = {
  beijing: ["Asia/Shanghai"],
  peking: ["Asia/Shanghai"],
  shenzhen: ["Asia/Shanghai"],
  guangzhou: ["Asia/Shanghai"],
  hangzhou: ["Asia/Shanghai"],
  chengdu: ["Asia/Shanghai"],
  wuhan: ["Asia/Shanghai"],
  nanjing: ["Asia/Shanghai"],
  china: ["Asia/Shanghai"],
  北京: ["Asia/Shanghai"],
  上海: ["Asia/Shanghai"],
  深圳: ["Asia/Shanghai"],
  广州: ["Asia/Shanghai"],
  杭州: ["Asia/Shanghai"],
  成都: ["Asia/Shanghai"],
  中国: ["Asia/Shanghai"],
  香港: ["Asia/Hong_Kong"],
  台北: ["Asia/Taipei"],
  东京: ["Asia/Tokyo"],
  首尔: ["Asia/Seoul"],
  新加坡: ["Asia/Singapore"],
  纽约: ["America/New_York"],
  旧金山: ["America/Los_Angeles"],
  洛杉矶: ["America/Los_Angeles"],
  西雅图: ["America/Los_Angeles"],
  伦敦: ["Europe/London"],
  巴黎: ["Europe/Paris"],
  柏林: ["Europe/Berlin"],
  sanfrancisco: ["America/Los_Angeles"],
  sf: ["America/Los_Angeles"],
  bayarea: ["America/Los_Angeles"],
  paloalto: ["America/Los_Angeles"],
  mountainview: ["America/Los_Angeles"],
  seattle: ["America/Los_Angeles"],
  portland: ["America/Los_Angeles"],
  sandiego: ["America/Los_Angeles"],
  california: ["America/Los_Angeles"],
  nyc: ["America/New_York"],
  boston: ["America/New_York"],
  washington: ["America/New_York"],
  washingtondc: ["America/New_York"],
  atlanta: ["America/New_York"],
  miami: ["America/New_York"],
  philadelphia: ["America/New_York"],
  austin: ["America/Chicago"],
  dallas: ["America/Chicago"],
  houston: ["America/Chicago"],
  montreal: ["America/Toronto"],
  ottawa: ["America/Toronto"],
  india: ["Asia/Kolkata"],
  bangalore: ["Asia/Kolkata"],
  bengaluru: ["Asia/Kolkata"],
  mumbai: ["Asia/Kolkata"],
  bombay: ["Asia/Kolkata"],
  delhi: ["Asia/Kolkata"],
  newdelhi: ["Asia/Kolkata"],
  hyderabad: ["Asia/Kolkata"],
  chennai: ["Asia/Kolkata"],
  pune: ["Asia/Kolkata"],
  japan: ["Asia/Tokyo"],
  osaka: ["Asia/Tokyo"],
  korea: ["Asia/Seoul"],
  southkorea: ["Asia/Seoul"],
  taiwan: ["Asia/Taipei"],
  hongkong: ["Asia/Hong_Kong"],
  vietnam: ["Asia/Ho_Chi_Minh"],
  hanoi: ["Asia/Bangkok"],
  uk: ["Europe/London"],
  england: ["Europe/London"],
  britain: ["Europe/London"],
  cambridge: ["Europe/London"],
  oxford: ["Europe/London"],
  edinburgh: ["Europe/London"],
  manchester: ["Europe/London"],
  ireland: ["Europe/Dublin"],
  france: ["Europe/Paris"],
  germany: ["Europe/Berlin"],
  munich: ["Europe/Berlin"],
  münchen: ["Europe/Berlin"],
  frankfurt: ["Europe/Berlin"],
  hamburg: ["Europe/Berlin"],
  netherlands: ["Europe/Amsterdam"],
  switzerland: ["Europe/Zurich"],
  geneva: ["Europe/Zurich"],
  spain: ["Europe/Madrid"],
  barcelona: ["Europe/Madrid"],
  italy: ["Europe/Rome"],
  milan: ["Europe/Rome"],
  sweden: ["Europe/Stockholm"],
  poland: ["Europe/Warsaw"],
  ukraine: ["Europe/Kyiv"],
  russia: ["Europe/Moscow"],
  saintpetersburg: ["Europe/Moscow"],
  israel: ["Asia/Jerusalem"],
  telaviv: ["Asia/Jerusalem"],
  uae: ["Asia/Dubai"],
  abudhabi: ["Asia/Dubai"],
  australia: ["Australia/Sydney"],
  canberra: ["Australia/Sydney"],
  newzealand: ["Pacific/Auckland"],
  wellington: ["Pacific/Auckland"],
  brazil: ["America/Sao_Paulo"],
  riodejaneiro: ["America/Sao_Paulo"],
  canada: ["America/Toronto"],
};

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
  const text = input.trim().replace(/\s+/gu, " ");
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

/** Etc zones are whole hours only; these offsets belong to places. */
const HALF_HOUR_OFFSETS: Record<string, readonly string[]> = {
  "-3:30": ["America/St_Johns"],
  "+3:30": ["Asia/Tehran"],
  "+4:30": ["Asia/Kabul"],
  "+5:30": ["Asia/Kolkata", "Asia/Colombo"],
  "+5:45": ["Asia/Kathmandu"],
  "+6:30": ["Asia/Yangon"],
  "+9:30": ["Australia/Adelaide", "Australia/Darwin"],
};

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
    const distance = Math.min(
      editDistance(lower, candidate.lower),
      editDistance(squashed, squash(city)),
      editDistance(lower.replace(/ /g, "_"), candidate.lower),
    );
    if (distance <= allowedEdits(squashed.length)) scored.push({ zone: candidate.zone, distance });
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

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("Pairs" → "Paris"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}
