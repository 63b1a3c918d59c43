import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/locales/index.js";
import type { ChartRenderer } from "../../src/services/charts/renderer.js";
import { REGIONS } from "../../src/services/regions/types.js";
import { botHarness } from "./harness.js";

const S = 3;

describe("/trends charts drawn ahead after a new snapshot", () => {
  const harness = botHarness();

  it("draws each region's default chart in every locale once, so that /trends answers from them", async () => {
    const drawn: string[] = [];
    const counting = (local: ChartRenderer): ChartRenderer => ({
      render(spec, size) {
        drawn.push(JSON.stringify(spec).slice(0, 40));
        return local.render(spec, size);
      },
    });
    const h = await harness.start({ renderer: counting });
    // Started with nothing stored: nothing is drawn, and nothing is collected for it.
    expect(drawn).toEqual([]);
    await h.bot.collectionTick();
    expect(drawn).toHaveLength((REGIONS.length + 1) * LOCALES.length);

    // Plain /trends, a region, another locale (each its own user: the cooldown would refuse a
    // second one from the same person): the charts drawn ahead, no render of their own.
    const before = drawn.length;
    expect((await h.run("trends")).files).toHaveLength(1);
    expect(
      (
        await h.run("trends", [{ name: "region", type: S, value: "china" }], {
          locale: "zh-CN",
          user: { id: "1", username: "a" },
        })
      ).files,
    ).toHaveLength(1);
    expect(
      (
        await h.run("trends", [{ name: "region", type: S, value: "us" }], {
          user: { id: "2", username: "b" },
        })
      ).files,
    ).toHaveLength(1);
    expect(drawn).toHaveLength(before);
    // Another view is drawn when asked (the count above would see a render).
    await h.run("trends", [{ name: "chart", type: S, value: "history" }], {
      user: { id: "3", username: "c" },
    });
    expect(drawn).toHaveLength(before + 1);
  });
});
