import type { Region } from "./types.js";

/**
 * The 249 officially assigned ISO 3166-1 alpha-2 codes. Reserved codes that look like countries
 * (`UK`, `EU`, `XK`, `SU`, `YU`, ...) are deliberately absent: `GB` is the United Kingdom, and a
 * curated entry with `UK` must fail validation rather than land in the wrong bucket.
 */
export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV " +
    "BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES " +
    "ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE " +
    "IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY " +
    "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU " +
    "NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM " +
    "SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE " +
    "VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

/**
 * The countries of every region but `other`, which takes every remaining code. The rule, and why
 * each border sits where it does, is in this folder's README.md; keep the two in step.
 */
export const REGION_COUNTRIES: Readonly<Record<Exclude<Region, "other">, readonly string[]>> = {
  // Hong Kong and Macau are special administrative regions of the PRC; Taiwan is not counted here.
  china: ["CN", "HK", "MO"],
  // The United States with its inhabited territories and minor outlying islands.
  us: ["US", "PR", "GU", "VI", "AS", "MP", "UM"],
  europe: [
    // EU 27
    ..."AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" "),
    // EEA and EFTA, the UK, and the rest of geographic Europe outside Russia and Belarus
    ..."IS LI NO CH GB AD AL BA MC MD ME MK RS SM UA VA".split(" "),
    // Crown dependencies and European territories with their own codes
    ..."GG JE IM GI FO AX SJ".split(" "),
  ],
  asia: [
    // East Asia outside China (Taiwan included)
    ..."JP KR KP MN TW".split(" "),
    // South-East Asia
    ..."BN KH ID LA MY MM PH SG TH TL VN".split(" "),
    // South Asia (the SAARC members)
    ..."AF BD BT IN MV NP PK LK".split(" "),
    // Oceania, with Australia's external territories (US Pacific territories count as `us`)
    ..."AU NZ PG FJ SB VU NC PF WS TO KI TV NR FM MH PW CK NU TK WF PN NF CX CC HM".split(" "),
  ],
};

const REGION_BY_COUNTRY: ReadonlyMap<string, Region> = new Map(
  (Object.entries(REGION_COUNTRIES) as [Region, readonly string[]][]).flatMap(([region, codes]) =>
    codes.map((code): [string, Region] => [code, region]),
  ),
);

/** Whether `code` is an officially assigned ISO 3166-1 alpha-2 code (upper case, as stored). */
export function isCountryCode(code: string): boolean {
  return ISO_COUNTRY_CODES.has(code);
}

/**
 * The region a country belongs to. Total over valid codes: anything not listed in
 * {@link REGION_COUNTRIES} is `other`. Throws on a code that is not ISO 3166-1 alpha-2, because a
 * typo silently counted as `other` would skew every share.
 */
export function regionOfCountry(code: string): Region {
  if (!isCountryCode(code)) throw new RangeError(`not an ISO 3166-1 alpha-2 country code: "${code}"`);
  return REGION_BY_COUNTRY.get(code) ?? "other";
}
