import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { runEntry } from "./process.js";

const GUILD_ID = "1200000000000000001";
let discord: FakeDiscord;
let dir: string;

beforeEach(async () => {
  discord = await startFakeDiscord({
    guilds: [{ id: GUILD_ID, name: "g", channels: [{ id: "1200000000000000011", name: "c", type: 0 }] }],
    applicationId: "1200000000000000100",
  });
  dir = mkdtempSync(join(tmpdir(), "hubtrends-start-"));
});

afterEach(async () => {
  await discord.close();
  rmSync(dir, { recursive: true, force: true });
  discord.assertNoViolations();
});

describe("npm start", () => {
  it("fails fast, by name, when DISCORD_TOKEN is missing", async () => {
    const run = await runEntry("index.ts", { DATABASE_PATH: join(dir, "db.sqlite") });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("DISCORD_TOKEN: required");
  });

  it("fails fast with a clear message when Discord rejects the token, without printing it", async () => {
    const run = await runEntry("index.ts", {
      DISCORD_TOKEN: "not-the-real-token",
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_PATH: join(dir, "db.sqlite"),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Discord rejected DISCORD_TOKEN (401 Unauthorized)");
    expect(run.stderr + run.stdout).not.toContain("not-the-real-token");
    discord.takeViolations();
  });

  it("fails fast, saying why, when the gateway closes IDENTIFY for good (4011 Sharding required)", async () => {
    discord.refuseIdentify(4011, "Sharding required.");
    const run = await runEntry("index.ts", {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_PATH: join(dir, "db.sqlite"),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "hubtrends: Discord closed the gateway with 4011 (Sharding required): the bot is in too many servers for one connection and needs sharding.",
    );
  });
});

describe("npm run register", () => {
  it("registers every command to the dev guild, finding the application id from the API, and says what changed", async () => {
    const env = { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DEV_GUILD_ID: GUILD_ID };
    const first = await runEntry("register-commands.ts", env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Registered ${COMMANDS.length} commands to guild ${GUILD_ID}.`);
    expect(first.stdout).toContain("/trends: added");
    expect(
      discord
        .commands(GUILD_ID)
        .map((c) => c.name)
        .sort(),
    ).toEqual(COMMANDS.map((c) => c.data.name).sort());

    const second = await runEntry("register-commands.ts", env);
    expect(second.stdout).toContain("/trends: unchanged");
  });

  it("registers globally without DEV_GUILD_ID", async () => {
    const run = await runEntry("register-commands.ts", {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("globally");
    expect(discord.commands().length).toBe(COMMANDS.length);
  });
});
