import { afterEach, describe, expect, it } from "vitest";
import { fatalGatewayClose } from "../../src/bot/gateway-fatal.js";
import { type BotProcessWorld, startBotProcessWorld } from "./bot-process.js";

describe("fatalGatewayClose", () => {
  it("treats 4004 and 4010 to 4014 as fatal, each with advice", () => {
    for (const code of [4004, 4010, 4011, 4012, 4013, 4014]) {
      const error = fatalGatewayClose(code, 0);
      expect(error?.message).toMatch(new RegExp(`^Discord closed the gateway with ${code} \\(.+\\): .+\\.$`));
    }
  });

  it("leaves the codes discord.js reconnects after alone", () => {
    for (const code of [1000, 1006, 4000, 4001, 4002, 4003, 4005, 4007, 4008, 4009, 4200]) {
      expect(fatalGatewayClose(code, 0)).toBeNull();
    }
  });
});

describe("a running bot whose token is revoked", () => {
  let world: BotProcessWorld;

  afterEach(async () => {
    await world.close();
  });

  it("logs one clear line and exits 1 when its RESUME and IDENTIFY are closed with 4004", async () => {
    world = await startBotProcessWorld();
    const bot = await world.startBot();
    const oldToken = world.discord.token;
    world.discord.resetToken();
    const run = await bot.exited;
    expect(run.code).toBe(1);
    const fatal = bot.logs().filter((line) => line.level === 60);
    expect(fatal.map((line) => line.msg)).toEqual([
      "Discord closed the gateway with 4004 (Authentication failed): the bot token was reset or revoked. Put the current token from the developer portal in DISCORD_TOKEN. Exiting.",
    ]);
    expect(run.stderr).not.toContain(oldToken);
  }, 60_000);
});
