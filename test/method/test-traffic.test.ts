import { describe, expect, it } from "vitest";
import { bundledTestTraffic, createTestTrafficList } from "../../src/services/method/test-traffic.js";

describe("test traffic", () => {
  const list = bundledTestTraffic();

  it("names CI fixture namespaces whatever the case, and tiny-random repos of anyone", () => {
    expect(list.ruleFor("hf-internal-testing/tiny-random-gpt2")?.value).toBe("hf-internal-testing");
    expect(list.ruleFor("TRL-Internal-Testing/tiny-Qwen2ForCausalLM-2.5")?.value).toBe(
      "trl-internal-testing",
    );
    expect(list.ruleFor("katuni4ka/tiny-random-qwen2")?.value).toBe("tiny-random");
    expect(list.ruleFor("yujiepan/llama-3-tiny-random")?.value).toBe("tiny-random");
  });

  it("does not catch real models that merely look alike", () => {
    expect(list.ruleFor("Qwen/Qwen3-8B")).toBeNull();
    expect(list.ruleFor("someone/tiny-randomised-llama")).toBeNull();
    expect(list.ruleFor("hf-internal-testing-fan/model")).toBeNull();
  });

  it("gives every rule a reason, and rejects a list with a bad rule, naming it", () => {
    expect(list.rules.length).toBeGreaterThan(0);
    for (const rule of list.rules) expect(rule.reason.length).toBeGreaterThan(10);
    expect(() => createTestTrafficList([{ match: "prefix", value: "x", reason: "" }])).toThrow(
      /invalid test-traffic list:\n {2}0\.match/,
    );
  });
});
