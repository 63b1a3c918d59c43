import { afterEach, describe, expect, it } from "vitest";
import { SHUTDOWN_DEADLINE_MS } from "../../src/bot/shutdown.js";
import { type BotProcessWorld, startBotProcessWorld } from "./bot-process.js";

let world: BotProcessWorld;

afterEach(async () => {
  await world.close();
});

describe("shutting down on SIGTERM", () => {
  it("stops cleanly and exits 0 while Discord answers", async () => {
    world = await startBotProcessWorld();
    const bot = await world.startBot();
    const sentAt = Date.now();
    bot.child.kill("SIGTERM");
    const run = await bot.exited;
    expect(run.code).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(SHUTDOWN_DEADLINE_MS);
    expect(bot.logs().filter((line) => Number(line.level) >= 50)).toEqual([]);
  }, 60_000);

  it("gives up on a Discord that stopped answering behind open connections, says so, and exits 1 by the deadline", async () => {
    world = await startBotProcessWorld();
    const bot = await world.startBot();
    // Without a deadline, discord.js waits 30 s for the close frame's answer before it lets go.
    world.discord.goSilent();
    const sentAt = Date.now();
    bot.child.kill("SIGTERM");
    const run = await bot.exited;
    const tookMs = Date.now() - sentAt;
    expect(run.code).toBe(1);
    expect(tookMs).toBeGreaterThanOrEqual(SHUTDOWN_DEADLINE_MS);
    expect(tookMs).toBeLessThan(SHUTDOWN_DEADLINE_MS + 3_000);
    const errors = bot.logs().filter((line) => line.level === 50);
    expect(errors.map((line) => line.msg)).toEqual([
      "shutdown did not finish within 8 s (a peer stopped answering?); exiting anyway, unfinished work is picked up at the next start",
    ]);
  }, 60_000);
});
