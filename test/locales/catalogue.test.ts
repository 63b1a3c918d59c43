import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { CATALOGUES, DEFAULT_LOCALE, LOCALES, localeFor, translate } from "../../src/locales/index.js";

describe("the message catalogues", () => {
  it("have every key of the default locale in every locale, of the same kind, and no other", () => {
    const reference = CATALOGUES[DEFAULT_LOCALE];
    const shape = (catalogue: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(catalogue).map(([key, entry]) => [key, typeof entry]));
    for (const locale of LOCALES) {
      expect(shape(CATALOGUES[locale]), locale).toEqual(shape(reference));
    }
  });

  it("have no empty message in any locale", () => {
    for (const locale of LOCALES) {
      for (const [key, entry] of Object.entries(CATALOGUES[locale])) {
        if (typeof entry === "string") expect(entry.trim(), `${locale} ${key}`).not.toBe("");
      }
    }
  });

  it("localise every command's and option's description into every other locale", () => {
    const others = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);
    type Described = {
      name: string;
      description_localizations?: Partial<Record<string, string | null>> | null;
    };
    const walk = (items: readonly (Described & { options?: readonly unknown[] })[]): Described[] =>
      items.flatMap((item) => [
        item,
        ...walk((item.options ?? []) as (Described & { options?: unknown[] })[]),
      ]);
    for (const { data } of COMMANDS) {
      for (const item of walk([data])) {
        for (const locale of others)
          expect(item.description_localizations?.[locale], `${data.name} ${item.name}`).toBeTruthy();
      }
    }
  });

  it("write a message with its parameters in the reader's locale", () => {
    expect(translate("en-US", "guard.cooldown", { seconds: 1, command: "trends" })).toBe(
      "Please wait 1 second before using /trends again.",
    );
    expect(translate("zh-CN", "guard.cooldown", { seconds: 3, command: "trends" })).toBe(
      "请等待 3 秒后再使用 /trends。",
    );
    expect(
      translate("en-US", "guard.chart-permissions", { missing: ["EmbedLinks", "AttachFiles"] }),
    ).toContain("missing the Embed Links and Attach Files permissions");
    expect(translate("zh-CN", "guard.chart-permissions", { missing: ["EmbedLinks"] })).toContain(
      "缺少嵌入链接权限",
    );
  });
});

describe("localeFor", () => {
  it("takes a locale the bot writes in as it is, another of the same language for a variant, else English", () => {
    expect(localeFor("zh-CN")).toBe("zh-CN");
    expect(localeFor("zh-TW")).toBe("zh-CN");
    expect(localeFor("en-GB")).toBe("en-US");
    expect(localeFor("fr")).toBe("en-US");
    expect(localeFor(undefined)).toBe("en-US");
  });
});
