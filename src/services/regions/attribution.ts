import { z } from "zod";
import { isCountryCode, regionOfCountry } from "./countries.js";
// A JSON import rather than readFileSync: tsc type-checks it and copies it into dist/ with the
// build, and tsx, vitest and Node 20.10+ all load it, so there is no copy step to forget.
import bundledOrganisations from "./organisations.json" with { type: "json" };
import type { Organisation, RegionOrUnattributed } from "./types.js";

/** Longest `about` line the data file accepts: one short line that fits an embed field. */
export const MAX_ABOUT_LENGTH = 120;

// Hub namespaces: letters, digits, `-`, `_`, `.`; they never start or end with `-` or `.`.
const NAMESPACE = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/;

/** One curated entry as stored in organisations.json; the region is derived, never stored. */
export const organisationEntrySchema = z.strictObject({
  author: z.string().regex(NAMESPACE, "not a Hub namespace"),
  country: z.string().refine(isCountryCode, "not an ISO 3166-1 alpha-2 country code (upper case)"),
  about: z
    .string()
    .trim()
    .min(1, "empty")
    .max(MAX_ABOUT_LENGTH, `longer than ${MAX_ABOUT_LENGTH} characters`),
});

/** One entry of organisations.json. */
export type OrganisationEntry = z.infer<typeof organisationEntrySchema>;

/** The whole data file: entries whose authors are unique ignoring case (the Hub ignores case too). */
export const organisationsFileSchema = z.array(organisationEntrySchema).superRefine((entries, ctx) => {
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = entry.author.toLowerCase();
    const earlier = firstIndex.get(key);
    if (earlier === undefined) firstIndex.set(key, index);
    else
      ctx.addIssue({
        code: "custom",
        path: [index, "author"],
        message: `duplicate of entry ${earlier} ("${entries[earlier]?.author}") ignoring case`,
      });
  });
});

/** Who is where: the curated attribution the stats and summaries ask. */
export interface RegionAttributor {
  /** The author's region, or `unattributed` when the curated list does not know it. */
  regionOf(author: string): RegionOrUnattributed;
  /** ISO 3166-1 alpha-2 code of the author's base, or null when unknown. */
  countryOf(author: string): string | null;
  /** The full curated entry, or null when unknown. */
  organisation(author: string): Organisation | null;
  /** Every curated organisation, in data-file order. */
  organisations(): readonly Organisation[];
}

/**
 * Validates curated entries and derives each region from its country, so a stored region can never
 * disagree with the rule. Throws one error naming every bad entry, not just the first.
 */
export function parseOrganisations(data: unknown): Organisation[] {
  const result = organisationsFileSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`,
    );
    throw new Error(`invalid organisation list (${problems.length} problems):\n${problems.join("\n")}`);
  }
  return result.data.map((entry) => ({ ...entry, region: regionOfCountry(entry.country) }));
}

/**
 * An attributor over `entries` (validated here, see {@link parseOrganisations}). Matching is
 * case-insensitive because Hub namespaces are: `qwen/...` and `Qwen/...` are the same repo.
 */
export function createRegionAttributor(entries: readonly OrganisationEntry[]): RegionAttributor {
  const organisations: readonly Organisation[] = Object.freeze(
    parseOrganisations(entries).map((organisation) => Object.freeze(organisation)),
  );
  const byAuthor = new Map(
    organisations.map((organisation) => [organisation.author.toLowerCase(), organisation]),
  );
  const find = (author: string): Organisation | null => byAuthor.get(author.trim().toLowerCase()) ?? null;
  return {
    regionOf: (author) => find(author)?.region ?? "unattributed",
    countryOf: (author) => find(author)?.country ?? null,
    organisation: find,
    organisations: () => organisations,
  };
}

/**
 * The entries of the bundled organisations.json as stored. Typed by the compiler from the file,
 * not yet validated: {@link createRegionAttributor} and {@link parseOrganisations} do that.
 */
export function bundledOrganisationEntries(): readonly OrganisationEntry[] {
  return bundledOrganisations;
}

/** An attributor over the bundled, curated organisations.json. Throws if that file is invalid. */
export function defaultRegionAttributor(): RegionAttributor {
  return createRegionAttributor(bundledOrganisationEntries());
}
