import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ensureBuilt } from "../../bin/ensure-build.js";

const stamp = () =>
  JSON.parse(readFileSync(new URL("../../dist/.build-stamp.json", import.meta.url), "utf8"));

describe("the compiled build npm start and npx hubtrends run", () => {
  it("is not compiled again when no source changed since the last build", () => {
    // The global setup has built it: another start only compares the sources with the stamp.
    const before = stamp();
    const said: string[] = [];
    ensureBuilt({ log: (text) => said.push(text) });
    expect(said).toEqual([]);
    expect(stamp()).toEqual(before);
    expect(before.sources).toContain("src/index.ts@");
  });
});
