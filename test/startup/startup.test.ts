import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REST, Routes } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { runEntry } from "./process.js";

const GUILD_ID = "1200000000000000001";
const APPLICATION_ID = "1200000000000000100";
let discord: FakeDiscord;
let dir: string;

beforeEach(async () => {
  discord = await startFakeDiscord({
    guilds: [{ id: GUILD_ID, name: "g", channels: [{ id: "1200000000000000011", name: "c", type: 0 }] }],
    applicationId: APPLICATION_ID,
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

  it("reports a command whose top-level localisations changed since it was registered as updated", async () => {
    const env = { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DEV_GUILD_ID: GUILD_ID };
    // What an older release registered: /top's Chinese name and /trends' Chinese description differ.
    const older = COMMANDS.map(({ data }) =>
      data.name === "top"
        ? { ...data, name_localizations: { "zh-CN": "榜单" } }
        : data.name === "trends"
          ? { ...data, description_localizations: { "zh-CN": "旧的说明" } }
          : data,
    );
    const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
    await rest.put(Routes.applicationGuildCommands(APPLICATION_ID, GUILD_ID), { body: older });

    const run = await runEntry("register-commands.ts", env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("/top: updated");
    expect(run.stdout).toContain("/trends: updated");
    expect(run.stdout).toContain("/model: unchanged");
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
