import { describe, expect, it } from "vitest";
import { fact, fitLines, joinParts, line, tpl } from "../../src/services/summaries/parts.js";

describe("summary parts", () => {
  it("collects the facts of interpolated parts, in text order, and none from plain strings", () => {
    const share = fact("regions[0].share", 0.412, "41.2%");
    const pp = fact("weekOverWeek.regions[0].changePp", 1.3, "+1.3 pp");
    const part = tpl`${"China"} ${share} (${pp})`;
    expect(part.text).toBe("China 41.2% (+1.3 pp)");
    expect(part.facts.map((f) => f.path)).toEqual(["regions[0].share", "weekOverWeek.regions[0].changePp"]);
    expect(joinParts([share, pp], ", ")).toEqual({
      text: "41.2%, +1.3 pp",
      facts: [...share.facts, ...pp.facts],
    });
  });

  it("keeps every line when the text fits", () => {
    const lines = [line(tpl`a`, 0), line(tpl`b`, 3)];
    expect(fitLines(lines, 3)).toEqual({ text: "a\nb", facts: [] });
  });

  it("drops the least important line first, and the last of equally important ones", () => {
    const lines = [
      line(tpl`headline`, 0),
      line(fact("x", 1, "one"), 2),
      line(fact("y", 2, "two"), 3),
      line(fact("z", 3, "six"), 3),
      line(tpl`footer`, 0),
    ];
    expect(fitLines(lines, "headline\none\ntwo\nfooter".length).text).toBe("headline\none\ntwo\nfooter");
    const shorter = fitLines(lines, "headline\none\nfooter".length);
    expect(shorter.text).toBe("headline\none\nfooter");
    expect(shorter.facts.map((f) => f.path)).toEqual(["x"]);
  });

  it("never drops a required line, and cuts only as a last resort, keeping the facts still shown", () => {
    const lines = [line(fact("a", 1, "41.2%"), 0), line(tpl`${"x".repeat(50)}`, 0), line(tpl`optional`, 1)];
    const summary = fitLines(lines, 20);
    expect(summary.text).toBe(`41.2%\n${"x".repeat(13)}…`);
    expect(summary.text.length).toBe(20);
    expect(summary.facts.map((f) => f.path)).toEqual(["a"]);
  });

  it("does not split a surrogate pair when it has to cut", () => {
    const summary = fitLines([line(tpl`${"😀".repeat(10)}`, 0)], 6);
    expect(summary.text).toBe("😀😀…");
  });
});
