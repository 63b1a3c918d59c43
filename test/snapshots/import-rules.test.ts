import { describe, expect, it } from "vitest";
import { type Message, render } from "../../src/locales/index.js";
import { importProblem, parseModelsFile } from "../../src/services/snapshots/import-file.js";
import { parseStrictIsoDate } from "../../src/services/snapshots/strict-iso-date.js";

describe("strict ISO 8601 dates", () => {
  it.each([
    ["2026-05-04", "2026-05-04T00:00:00.000Z"],
    ["2026-05-04T12:00Z", "2026-05-04T12:00:00.000Z"],
    ["2026-05-04T12:00:30Z", "2026-05-04T12:00:30.000Z"],
    ["2026-05-04T12:00:30.5Z", "2026-05-04T12:00:30.500Z"],
    ["2026-05-04T12:00:00+08:00", "2026-05-04T04:00:00.000Z"],
    ["2026-05-04T12:00:00-0500", "2026-05-04T17:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
  ])("reads %s as %s", (text, iso) => {
    const parsed = parseStrictIsoDate(text);
    expect(parsed.ok && parsed.date.toISOString()).toBe(iso);
  });

  it.each([
    ["2026-02-30", "2026-02 has no day 30"],
    ["2025-02-29", "2025-02 has no day 29"],
    ["2026-13-01", "there is no month 13"],
    ["08/07/2026", "not an ISO 8601 date"],
    ["2026-5-4", "not an ISO 8601 date"],
    ["last tuesday", "not an ISO 8601 date"],
    ["2026-05-04T12:00:00", "a date-time needs a time zone"],
    ["2026-05-04T25:00:00Z", "25:00:00 is not a time of day"],
    ["2026-05-04T12:00:00+15:00", "+15:00 is not a UTC offset"],
  ])("refuses %s: %s", (text, reason) => {
    const parsed = parseStrictIsoDate(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : render("en-US", parsed.reason)).toContain(reason);
  });

  it("says why in the reader's language", () => {
    const parsed = parseStrictIsoDate("2026-02-30");
    expect(parsed.ok ? "" : render("zh-CN", parsed.reason)).toBe("2026-02 没有第 30 日");
  });
});

const said = (message: Message | null) => (message === null ? null : render("en-US", message));

const rows = (valid: number, invalid: number) => [
  ...Array.from({ length: valid }, (_, i) => ({ id: `org/m${i}`, downloads: i })),
  ...Array.from({ length: invalid }, () => ({ id: "no-namespace" })),
];

describe("what an import accepts", () => {
  it("accepts 10 valid rows and up to 10% invalid ones", () => {
    expect(importProblem(parseModelsFile(JSON.stringify(rows(10, 0))))).toBeNull();
    expect(importProblem(parseModelsFile(JSON.stringify(rows(18, 2))))).toBeNull();
  });

  it("refuses more than 10% invalid rows, with the counts", () => {
    expect(said(importProblem(parseModelsFile(JSON.stringify(rows(17, 3)))))).toBe(
      "3 of 20 rows are invalid (15.0%), more than 10%",
    );
  });

  it("refuses fewer than 10 valid rows, with the counts", () => {
    expect(said(importProblem(parseModelsFile(JSON.stringify(rows(9, 0)))))).toBe(
      "9 valid model rows of 9 (0 invalid): at least 10 are needed",
    );
  });

  it("counts a repeated id as invalid", () => {
    const parsed = parseModelsFile(JSON.stringify([...rows(10, 0), { id: "org/m1", downloads: 5 }]));
    expect(parsed).toMatchObject({ rows: 11, skipped: 1 });
  });

  it("reads the file's own date from date, fetched_at or fetchedAt, strictly", () => {
    const withDate = (key: string, value: unknown) =>
      parseModelsFile(JSON.stringify({ [key]: value, models: rows(10, 0) })).fileDate;
    for (const key of ["date", "fetched_at", "fetchedAt"]) {
      expect(withDate(key, "2026-05-04T04:10:37.776Z")).toEqual({
        ok: true,
        key,
        date: new Date("2026-05-04T04:10:37.776Z"),
      });
    }
    expect(withDate("fetchedAt", "04/05/2026")).toMatchObject({ ok: false, key: "fetchedAt" });
    expect(withDate("date", 20260504)).toEqual({
      ok: false,
      key: "date",
      reason: { key: "import.date.not-a-string", args: [] },
    });
    expect(parseModelsFile(JSON.stringify(rows(10, 0))).fileDate).toBeNull();
  });

  it("keeps the card's base models of full rows, dropping entries that are not repo ids", () => {
    const [first] = parseModelsFile(
      JSON.stringify([
        { id: "a/ft", cardData: { base_model: ["Qwen/Qwen3-8B", "see the paper", 7] } },
        ...rows(10, 0),
      ]),
    ).models;
    expect(first?.baseModels).toEqual(["Qwen/Qwen3-8B"]);
  });
});
