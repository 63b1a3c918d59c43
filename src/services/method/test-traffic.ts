import { z } from "zod";
import type { ModelRecord } from "../hub/types.js";
// A JSON import, like organisations.json: type-checked, and copied into dist/ by the build.
import bundledRules from "./test-traffic.json" with { type: "json" };

/**
 * Test traffic: repos whose downloads are CI runs fetching fixtures, not people using models. They
 * carry real download counts (a test suite pulls them on every run) and would otherwise rank among
 * the most downloaded models, so every cohort leaves them out. The list is curated and reviewed
 * like organisations.json, and `/about` shows it.
 *
 * - `namespace`: every repo of that namespace (ignoring case), e.g. `hf-internal-testing`;
 * - `name`: repos whose name (after the `/`) contains the value as a whole word between `-`, `_`
 *   or `.` (ignoring case), e.g. `tiny-random` matches `tiny-random-gpt2` and
 *   `llama-3-tiny-random` but not `tiny-randomised`.
 */
export const testTrafficRuleSchema = z.strictObject({
  match: z.enum(["namespace", "name"]),
  value: z
    .string()
    .trim()
    .min(2)
    .regex(/^[\w.-]+$/, "letters, digits, '-', '_' or '.' only"),
  reason: z.string().trim().min(1).max(160),
});
export type TestTrafficRule = z.infer<typeof testTrafficRuleSchema>;

export const testTrafficFileSchema = z.array(testTrafficRuleSchema);

/** A matcher over a list of rules. */
export interface TestTrafficList {
  rules: readonly TestTrafficRule[];
  /** The first rule a repo id matches, or null. */
  ruleFor(repoId: string): TestTrafficRule | null;
}

/** Validates `rules` (throwing with every problem) and builds the matcher. */
export function createTestTrafficList(rules: unknown): TestTrafficList {
  const parsed = testTrafficFileSchema.safeParse(rules);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`invalid test-traffic list:\n${problems.join("\n")}`);
  }
  const list = Object.freeze(parsed.data.map((rule) => Object.freeze(rule)));
  const namespaces = new Map<string, TestTrafficRule>();
  const names: { pattern: RegExp; rule: TestTrafficRule }[] = [];
  for (const rule of list) {
    if (rule.match === "namespace") namespaces.set(rule.value.toLowerCase(), rule);
    else names.push({ pattern: new RegExp(`(?:^|[-_.])${escapeRegExp(rule.value)}(?:$|[-_.])`, "i"), rule });
  }
  return {
    rules: list,
    ruleFor(repoId) {
      const slash = repoId.indexOf("/");
      const namespace = slash < 0 ? "" : repoId.slice(0, slash).toLowerCase();
      const byNamespace = namespaces.get(namespace);
      if (byNamespace !== undefined) return byNamespace;
      const name = slash < 0 ? repoId : repoId.slice(slash + 1);
      return names.find(({ pattern }) => pattern.test(name))?.rule ?? null;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

let bundled: TestTrafficList | undefined;

/** The bundled, reviewed list (validated on first use). */
export function bundledTestTraffic(): TestTrafficList {
  bundled ??= createTestTrafficList(bundledRules);
  return bundled;
}

/** True when the bundled list says the model is test traffic. */
export function isTestTraffic(model: Pick<ModelRecord, "id">): boolean {
  return bundledTestTraffic().ruleFor(model.id) !== null;
}
