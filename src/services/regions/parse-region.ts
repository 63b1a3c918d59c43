import { boundInput } from "../text/bounded-input.js";
import { editDistance } from "../text/edit-distance.js";
import { REGIONS, type Region } from "./types.js";

/**
 * What a person may type for each region besides its name, already in normalised form (see
 * {@link normaliseRegionInput}): lower case, no dots, `-`/`_`/spaces as one space. Chinese aliases
 * come in simplified and traditional script.
 */
export const REGION_ALIASES: Readonly<Record<Region, readonly string[]>> = {
  china: ["cn", "prc", "chinese", "zh", "mainland china", "中国", "中國", "中国大陆", "中國大陸"],
  us: ["usa", "america", "united states", "united states of america", "american", "美国", "美國"],
  europe: ["eu", "european", "europa", "欧洲", "歐洲"],
  asia: ["apac", "asia pacific", "asiapacific", "asian", "亚太", "亞太", "亚太地区", "亞太地區"],
  other: ["rest", "others", "rest of world", "rest of the world", "row", "elsewhere", "其他"],
};

/** How each region is described where the valid choices are listed. */
const REGION_HELP: Readonly<Record<Region, string>> = {
  china: "china (cn, prc, 中国)",
  us: "us (usa, america, 美国)",
  europe: "europe (eu, 欧洲)",
  asia: "asia (Asia-Pacific outside China: apac, 亚太)",
  other: "other (rest of the world)",
};

/** The most of the input that is matched: well past the longest alias ("united states of america", 24). */
export const MAX_REGION_INPUT = 40;

const REGION_BY_WORD: ReadonlyMap<string, Region> = new Map(
  REGIONS.flatMap((region) =>
    [region, ...REGION_ALIASES[region]].map((word): [string, Region] => [word, region]),
  ),
);

/**
 * The comparable form of what someone typed: Unicode-normalised (full-width letters become ASCII),
 * lower case, dots dropped (`U.S.` is `us`), and runs of spaces, `-` and `_` made one space.
 * Then cut to {@link MAX_REGION_INPUT}: the steps before are linear, the matching after is not,
 * and cutting last means a long run of spaces cannot make `china…x` read as `china`.
 */
export function normaliseRegionInput(input: string): string {
  const normal = input
    .normalize("NFKC")
    .toLowerCase()
    .replaceAll(".", "")
    .replace(/[\s_-]+/gu, " ")
    .trim();
  return boundInput(normal, MAX_REGION_INPUT);
}

/** The region `input` names, by name or alias, ignoring case and surrounding spaces; else null. */
export function parseRegion(input: string): Region | null {
  return REGION_BY_WORD.get(normaliseRegionInput(input)) ?? null;
}

/**
 * "Did you mean": regions whose name or an alias is within a small edit distance of `input`
 * (transpositions count as one edit, so `eurpoe` is one step from `europe`), or starts with it.
 * Closest first, at most one entry per region; empty when nothing is close. Inputs of one or two
 * characters only match exactly or as prefixes, because at that length everything is one edit from
 * everything (`uk` must not suggest `us`).
 */
export function suggestRegions(input: string): Region[] {
  const typed = normaliseRegionInput(input);
  if (typed === "") return [];
  const [...letters] = typed;
  const allowed = letters.length <= 2 ? 0 : letters.length <= 5 ? 1 : 2;
  const best = new Map<Region, number>();
  for (const [word, region] of REGION_BY_WORD) {
    const prefix = letters.length >= 2 && word.startsWith(typed);
    const distance = prefix ? 0 : editDistance(typed, word, allowed);
    if (distance > allowed) continue;
    const previous = best.get(region);
    if (previous === undefined || distance < previous) best.set(region, distance);
  }
  return [...best.entries()]
    .sort(([regionA, a], [regionB, b]) => a - b || REGIONS.indexOf(regionA) - REGIONS.indexOf(regionB))
    .map(([region]) => region);
}

/** The valid choices, for an error message: `china (cn, prc, 中国), us (usa, ...), ...`. */
export function describeValidRegions(): string {
  return REGIONS.map((region) => REGION_HELP[region]).join(", ");
}
