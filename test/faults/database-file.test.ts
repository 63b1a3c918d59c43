import { copyFileSync, renameSync, rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { contentOf } from "../bot/answer-json.js";
import { ADMIN, setCommand } from "../bot/digest-helpers.js";
import type { RunningEntry } from "../startup/process.js";
import { type BotProcessWorld, startBotProcessWorld } from "./bot-process.js";

let world: BotProcessWorld;

afterEach(async () => {
  await world.close();
});

const REFUSAL =
  "I couldn't save that: my database file was removed or replaced while I was running, so nothing was kept. I'm restarting; please try again in a minute.";

async function digestSet(): Promise<string> {
  const { options, extra } = setCommand({});
  const sent = await world.send("digest", options, extra);
  return contentOf((await sent.waitForFinal()).json);
}

async function digestShow(): Promise<string> {
  const sent = await world.send("digest", [{ name: "show", type: 1 }], { memberPermissions: ADMIN });
  return contentOf((await sent.waitForFinal()).json);
}

/**
 * Starts a bot, waits until it is on the gateway, takes its database file away with `lose`, and
 * sends `/digest set` at once. The bot has two ways to notice: the refused write, and its check of
 * the file every 5 s. Waiting for "bot ready" rather than "snapshot collected" (which comes before
 * login) keeps the window between `lose` and the write to one command's handling: on a loaded CI
 * machine, a login slower than the 5 s check made the check win every time. When the check still
 * wins the race (the bot exits before the command reaches it) the command meets no bot at all,
 * which shows nothing about the write: that run is started again, at most three times in all.
 */
async function digestSetAfterLosing(lose: () => void): Promise<{ answer: string; bot: RunningEntry }> {
  for (let attempt = 1; ; attempt++) {
    world = await startBotProcessWorld();
    const bot = await world.startBot();
    await bot.waitForLog("bot ready");
    lose();
    try {
      return { answer: await digestSet(), bot };
    } catch (error) {
      const exitedFirst = bot.child.exitCode === 1;
      if (!exitedFirst || attempt === 3) throw error;
      await world.close();
    }
  }
}

describe("the database file taken away from a running bot", () => {
  it("refuses /digest set once the file is deleted, logs why, exits 1, and the next start holds nothing it confirmed", async () => {
    const { answer, bot } = await digestSetAfterLosing(() => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${world.databasePath}${suffix}`, { force: true });
    });

    expect(answer).toBe(REFUSAL);
    const run = await bot.exited;
    expect(run.code).toBe(1);
    expect(
      bot
        .logs()
        .filter((line) => line.level === 60)
        .map((line) => line.msg),
    ).toEqual([
      `The database file ${world.databasePath} was deleted while the bot was running; every write is refused, since it would be lost at the next start. Exiting.`,
    ]);

    await world.startBot();
    expect(await digestShow()).toContain("This server has no digests yet.");
  }, 90_000);

  it("refuses /digest set once the file is replaced by another (a backup put back), exits 1, and the next start holds nothing it confirmed", async () => {
    const { answer, bot } = await digestSetAfterLosing(() => {
      const backup = `${world.dir}/backup.db`;
      copyFileSync(world.databasePath, backup);
      renameSync(backup, world.databasePath);
    });

    expect(answer).toBe(REFUSAL);
    expect((await bot.exited).code).toBe(1);

    await world.startBot();
    expect(await digestShow()).toContain("This server has no digests yet.");
  }, 90_000);

  it("notices the file gone while nothing writes, and exits 1", async () => {
    world = await startBotProcessWorld();
    const bot = await world.startBot();
    await bot.waitForLog("snapshot collected");
    rmSync(world.databasePath);
    expect((await bot.exited).code).toBe(1);
  }, 60_000);
});
