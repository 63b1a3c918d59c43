import type { Locale } from "../format/locale.js";
import { formatInteger } from "../format/numbers.js";
import type { Universe } from "../stats/types.js";
import type { Cohort, CountingMethod, CreditMethod } from "./method.js";

/**
 * What was counted, in words, for every summary and chart footer: "30-day downloads of the top
 * 5,000 models, credited to the base model's developer". Plain strings; the summaries wrap the
 * number as a traced fact (summaries/wording.ts).
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

const CREDIT: Record<Locale, Record<CreditMethod, string>> = {
  "en-US": { uploader: "credited to the uploader", lineage: "credited to the base model's developer" },
  "zh-CN": { uploader: "计入上传者", lineage: "计入基础模型的开发者" },
};

type ModelsPhrase = (count: string, topList: boolean) => string;

const MODELS: Record<Locale, Record<Cohort, ModelsPhrase>> = {
  "en-US": {
    all: (n, top) => (top ? `the top ${n} models` : `the ${n} models of this snapshot`),
    new: (n, top) =>
      top
        ? `the models created in the last 12 months among the top ${n}`
        : `the models created in the last 12 months among the ${n} of this snapshot`,
    generative: (n, top) =>
      top
        ? `the generative models among the top ${n}`
        : `the generative models among the ${n} of this snapshot`,
  },
  "zh-CN": {
    all: (n, top) => (top ? `下载量前 ${n} 的模型` : `本快照的 ${n} 个模型`),
    new: (n, top) =>
      top ? `下载量前 ${n} 中近 12 个月创建的模型` : `本快照 ${n} 个模型中近 12 个月创建的模型`,
    generative: (n, top) => (top ? `下载量前 ${n} 中的生成式模型` : `本快照 ${n} 个模型中的生成式模型`),
  },
};

/**
 * The method in words. `count` is how the list size reads (formatted for the locale by default);
 * the summaries pass the rendered text of their fact so that the number can be traced.
 */
export function methodWords(source: MethodSource, locale: Locale, count?: string): MethodWords {
  const n = count ?? formatInteger(source.universe.listSize, locale);
  const models = MODELS[locale][source.method.cohort](n, source.universe.kind === "top-downloads");
  const credit = CREDIT[locale][source.method.by];
  const sentence =
    locale === "zh-CN" ? `${models}的 30 天下载量，${credit}` : `30-day downloads of ${models}, ${credit}`;
  return { models, credit, sentence };
}

/** "30-day downloads of the top 5,000 models, credited to the base model's developer". */
export function methodSentence(source: MethodSource, locale: Locale): string {
  return methodWords(source, locale).sentence;
}

const BY_LABEL: Record<Locale, Record<CreditMethod, string>> = {
  "en-US": { uploader: "by uploader", lineage: "by base model's developer" },
  "zh-CN": { uploader: "按上传者", lineage: "按基础模型开发者" },
};

const COHORT_LABEL: Record<Locale, Record<Cohort, string>> = {
  "en-US": { all: "all models", new: "created in the last 12 months", generative: "generative models" },
  "zh-CN": { all: "全部模型", new: "近 12 个月创建", generative: "生成式模型" },
};

/** Short labels for a table of methods: "by uploader" / "generative models". */
export function creditLabel(by: CreditMethod, locale: Locale): string {
  return BY_LABEL[locale][by];
}

export function cohortLabel(cohort: Cohort, locale: Locale): string {
  return COHORT_LABEL[locale][cohort];
}
