/**
 * How a download is counted: who gets the credit (`by`) and which models count (`cohort`). Every
 * figure the bot shows is computed under one such method, and says which (see `wording.ts`).
 */

/**
 * Who a model's downloads are credited to:
 * - `uploader`: the namespace that uploaded the repo (`unsloth` for `unsloth/Qwen3-8B-GGUF`);
 * - `lineage`: the developer of the model it derives from, followed through fine-tunes, adapters,
 *   quantisations and merges to the origin (`Qwen`), falling back to the uploader (see lineage.ts).
 */
export const CREDIT_METHODS = ["uploader", "lineage"] as const;
export type CreditMethod = (typeof CREDIT_METHODS)[number];

/**
 * Which models of the snapshot's list count:
 * - `all`: the whole list (the top N by downloads, or every model of an imported file);
 * - `new`: those created in the 365 days before the snapshot;
 * - `generative`: text, multimodal, image and video generators (see cohorts.ts).
 * Test traffic (test-traffic.json) is left out of every cohort.
 */
export const COHORTS = ["all", "new", "generative"] as const;
export type Cohort = (typeof COHORTS)[number];

/** One way of counting: the `method: { by, cohort }` of `hubtrends stats --json`. */
export interface CountingMethod {
  by: CreditMethod;
  cohort: Cohort;
}

/**
 * The default answers "who leads open-source AI?" as people mean it: whose models are used. A
 * GGUF of Qwen3 by unsloth is Qwen's model, so lineage credits Qwen; over all models of the list,
 * so that no classification of ours decides what counts. The README says more.
 */
export const DEFAULT_METHOD: Readonly<CountingMethod> = Object.freeze({ by: "lineage", cohort: "all" });

/** Every method, `by` first then `cohort`, in the order tables list them. */
export const ALL_METHODS: readonly Readonly<CountingMethod>[] = Object.freeze(
  CREDIT_METHODS.flatMap((by) => COHORTS.map((cohort) => Object.freeze({ by, cohort }))),
);

export function isCreditMethod(value: string): value is CreditMethod {
  return (CREDIT_METHODS as readonly string[]).includes(value);
}

export function isCohort(value: string): value is Cohort {
  return (COHORTS as readonly string[]).includes(value);
}

/** The method with `DEFAULT_METHOD` filled in for what is not given. */
export function methodOf(partial: {
  by?: CreditMethod | undefined;
  cohort?: Cohort | undefined;
}): CountingMethod {
  return { by: partial.by ?? DEFAULT_METHOD.by, cohort: partial.cohort ?? DEFAULT_METHOD.cohort };
}

/** `lineage/all`: a key for caches and maps. */
export function methodKey(method: CountingMethod): string {
  return `${method.by}/${method.cohort}`;
}

export function isDefaultMethod(method: CountingMethod): boolean {
  return method.by === DEFAULT_METHOD.by && method.cohort === DEFAULT_METHOD.cohort;
}
