/** Regions the product reports on. `asia` means Asia-Pacific outside China. */
export const REGIONS = ["china", "us", "europe", "asia", "other"] as const;
export type Region = (typeof REGIONS)[number];

/** A region, or the honest bucket for organisations not in the curated list. */
export type RegionOrUnattributed = Region | "unattributed";

/** One curated entry: who an organisation (or notable user) on the Hub is and where it is based. */
export interface Organisation {
  /** Hub namespace, exactly as in repo ids (`deepseek-ai`). Matched case-insensitively. */
  author: string;
  /** ISO 3166-1 alpha-2 country code of the organisation's headquarters (`CN`, `US`, `FR`). */
  country: string;
  region: Region;
  /** One short line: who this is. */
  about: string;
}
