import { describe, expect, it } from "vitest";
import { defineCommand } from "../../src/bot/command.js";
import { UserFacingError } from "../../src/bot/user-facing-error.js";
import compare from "../../src/commands/compare.js";
import digest from "../../src/commands/digest/index.js";
import { byOption, cohortOption, methodFileSuffix } from "../../src/commands/shared-options.js";
import trends from "../../src/commands/trends.js";
import { LOCALES, translate } from "../../src/locales/index.js";
import { COHORTS, CREDIT_METHODS, DEFAULT_METHOD } from "../../src/services/method/method.js";

type Registered = {
  name: string;
  name_localizations?: Record<string, string> | null;
  description: string;
  description_localizations?: Record<string, string> | null;
  choices?: { name: string; name_localizations?: Record<string, string>; value: string }[];
  options?: Registered[];
};

const probe = defineCommand({
  name: "probe",
  description: "about.description",
  options: { by: byOption({ localisedName: true }), cohort: cohortOption({ localisedName: true }) },
  visibility: "public",
  mayBeSlow: false,
  run: () => ({ content: "" }),
});

function optionsOf(data: unknown): Registered[] {
  return (data as Registered).options ?? [];
}

function option(data: unknown, name: string): Registered {
  const found = optionsOf(data).find((o) => o.name === name);
  if (found === undefined) throw new Error(`no option ${name}`);
  return found;
}

/** "(default)" / "（默认）" after the default choice's name, as the descriptions write it. */
const DEFAULT_MARK: Record<string, (name: string) => string> = {
  "en-US": (name) => `${name} (default)`,
  "zh-CN": (name) => `${name}（默认）`,
};

describe("the by and cohort options", () => {
  it("offer every method, the default first, with a name in every locale", () => {
    const by = option(probe.data, "by");
    const cohort = option(probe.data, "cohort");
    expect(by.choices?.map((c) => c.value)).toEqual([
      DEFAULT_METHOD.by,
      ...CREDIT_METHODS.filter((m) => m !== DEFAULT_METHOD.by),
    ]);
    expect(cohort.choices?.map((c) => c.value)).toEqual([
      DEFAULT_METHOD.cohort,
      ...COHORTS.filter((c) => c !== DEFAULT_METHOD.cohort),
    ]);
    expect(by.choices?.map((c) => c.name)).toEqual(["base model's developer", "uploader"]);
    expect(cohort.choices?.map((c) => c.name_localizations?.["zh-CN"])).toEqual([
      "全部模型",
      "近 12 个月创建",
      "生成式模型",
    ]);
    expect(by.name_localizations?.["zh-CN"]).toBe("计入");
    expect(cohort.name_localizations?.["zh-CN"]).toBe("模型范围");
  });

  it("name in their descriptions the default the services count under, in every locale", () => {
    const cases = [
      { key: "option.by.description", choice: `option.by.${DEFAULT_METHOD.by}` },
      { key: "digest.set.by", choice: `option.by.${DEFAULT_METHOD.by}` },
      { key: "option.cohort.description", choice: `option.cohort.${DEFAULT_METHOD.cohort}` },
    ] as const;
    for (const locale of LOCALES) {
      const mark = DEFAULT_MARK[locale];
      if (mark === undefined) throw new Error(`no default mark for ${locale}`);
      for (const { key, choice } of cases) {
        expect(translate(locale, key), `${locale} ${key}`).toContain(mark(translate(locale, choice)));
      }
    }
    // /about's explanation before the first snapshot names the default credit too.
    for (const locale of LOCALES) {
      expect(translate(locale, "about.report-gap-none", { china: "41%", us: "36.5%" })).toContain(
        translate(locale, `option.by.${DEFAULT_METHOD.by}`),
      );
    }
    // The digest's cohort description says "all (default)", shorter to stay within 100 characters.
    expect(translate("en-US", "digest.set.cohort")).toContain(`${DEFAULT_METHOD.cohort} (default)`);
  });

  it("are on /trends and /compare under localised names, and on /digest set under plain ones", () => {
    for (const command of [trends, compare]) {
      for (const name of ["by", "cohort"]) {
        expect(
          option(command.data, name).name_localizations?.["zh-CN"],
          `${command.name} ${name}`,
        ).toBeTruthy();
      }
    }
    const set = optionsOf(digest.data).find((sub) => sub.name === "set");
    const setBy = set?.options?.find((o) => o.name === "by");
    expect(setBy?.name_localizations ?? undefined).toBeUndefined();
    expect(setBy?.description).toBe(translate("en-US", "digest.set.by"));
    expect(set?.options?.find((o) => o.name === "cohort")?.choices).toHaveLength(COHORTS.length);
  });

  it("keep every description within Discord's 100 characters", () => {
    const all = [trends, compare, digest].flatMap((command) =>
      optionsOf(command.data).flatMap((o) => [o, ...(o.options ?? [])]),
    );
    for (const o of all.filter((o) => o.name === "by" || o.name === "cohort")) {
      for (const text of [o.description, ...Object.values(o.description_localizations ?? {})]) {
        expect(text.length, text).toBeLessThanOrEqual(100);
      }
    }
  });

  it("read a listed value as the method and refuse another, naming the valid ones", () => {
    const by = byOption();
    const context = { name: "by", resolved: undefined };
    expect(by.parse("uploader", context)).toBe("uploader");
    expect(() => cohortOption().parse("recent", { name: "cohort", resolved: undefined })).toThrow(
      new UserFacingError("error.bad-choice", { option: "cohort", choices: ["all", "new", "generative"] }),
    );
  });
});

describe("methodFileSuffix", () => {
  it("is empty for the default method and names any other, so a chart's file says what it counts", () => {
    expect(methodFileSuffix(DEFAULT_METHOD)).toBe("");
    expect(methodFileSuffix({ by: "uploader", cohort: "new" })).toBe("-uploader-new");
    expect(methodFileSuffix({ by: DEFAULT_METHOD.by, cohort: "generative" })).toBe(
      `-${DEFAULT_METHOD.by}-generative`,
    );
  });
});
