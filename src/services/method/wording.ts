import { translate } from "../../locales/index.js";
import type { Locale } from "../format/locale.js";
import { formatInteger } from "../format/numbers.js";
import type { Universe } from "../stats/types.js";
import type { Cohort, CountingMethod, CreditMethod } from "./method.js";

/**
 * What was counted, in words, for every summary and chart footer: "30-day downloads of the top
 * 5,000 models, credited to the base model's developer", from the catalogues (`method.*`). Plain
 * strings; the summaries wrap the number as a traced fact (summaries/wording.ts).
 */

/** What the wording needs: the method and the list the universe came from. */
export interface MethodSource {
  method: CountingMethod;
  universe: Pick<Universe, "kind" | "listSize">;
}

/** The parts of the sentence, for callers that place them differently (Chinese puts the credit last). */
export interface MethodWords {
  /** Which models: "the top 5,000 models" / "下载量前 5,000 的模型". */
  models: string;
  /** Who gets the credit: "credited to the base model's developer" / "计入基础模型的开发者". */
  credit: string;
  /** The whole: "30-day downloads of the top 5,000 models, credited to the base model's developer". */
  sentence: string;
}

/**
 * The numbers in the method's wording that are its definition, not measurements ("30-day", "the
 * last 12 months"), like the digest's "under 10B": a check that every number in a summary is a
 * traced fact (test/summaries/trace.ts) takes these out first.
 */
export const METHOD_DEFINITION_TERMS: readonly string[] = Object.freeze([
  "30-day",
  "30 天",
  "12 months",
  "12 个月",
]);

/**
 * The method in words. `count` is how the list size reads (formatted for the locale by default);
 * the summaries pass the rendered text of their fact so that the number can be traced.
 */
export function methodWords(source: MethodSource, locale: Locale, count?: string): MethodWords {
  const n = count ?? formatInteger(source.universe.listSize, locale);
  const top = source.universe.kind === "top-downloads";
  const models = translate(locale, `method.models.${source.method.cohort}`, { count: n, top });
  const credit = translate(locale, `method.credit.${source.method.by}`);
  return { models, credit, sentence: translate(locale, "method.sentence", { models, credit }) };
}

/** "30-day downloads of the top 5,000 models, credited to the base model's developer". */
export function methodSentence(source: MethodSource, locale: Locale): string {
  return methodWords(source, locale).sentence;
}

/** Short labels for a table of methods: "by uploader" / "generative models". */
export function creditLabel(by: CreditMethod, locale: Locale): string {
  return translate(locale, `method.by.${by}`);
}

export function cohortLabel(cohort: Cohort, locale: Locale): string {
  return translate(locale, `method.cohort.${cohort}`);
}
