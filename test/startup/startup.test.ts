import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { REST, Routes } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { startFakeHub } from "../fakes/hub/fake-hub.js";
import { generateHubModels } from "../fixtures/generate-hub-models.js";
import { freePort, startRelay } from "../support/tcp-relay.js";
import { ENTRY_ARGS, runEntry } from "./process.js";

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

/** Resolves when `check` holds, polling every 50 ms; rejects after `ms`. */
async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function snapshotsIn(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM snapshots").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe("npm start while Discord cannot be reached", () => {
  it("says so in one line naming the host and what to check, takes the first snapshot meanwhile, and connects once Discord answers", async () => {
    const hub = await startFakeHub({
      models: generateHubModels({ count: 150, now: new Date(), seed: 4 }).rows,
    });
    const port = await freePort();
    const database = join(dir, "db.sqlite");
    const child = spawn(process.execPath, ENTRY_ARGS("index.ts"), {
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
        HUB_URL: hub.url,
        DATABASE_PATH: database,
        SNAPSHOT_TOP_N: "100",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    let relay: { close(): Promise<void> } | null = null;
    try {
      await until(() => stderr.includes("hubtrends: cannot reach Discord"), 20_000, "the first notice");
      const notice = stderr.split("\n").find((line) => line.startsWith("hubtrends: cannot reach Discord"));
      expect(notice).toBe(
        `hubtrends: cannot reach Discord at 127.0.0.1:${port} (ECONNREFUSED): check the network and DISCORD_API_URL; trying again in 1 s`,
      );
      // Still running, and collecting: the first start's snapshot does not wait for Discord.
      await until(() => snapshotsIn(database) === 1, 20_000, "the first snapshot");
      relay = await startRelay(port, Number(new URL(discord.apiUrl).port));
      await until(() => stderr.includes('"msg":"bot ready"'), 20_000, "the bot to be ready");
      expect(stderr).not.toContain(discord.token);
    } finally {
      child.kill("SIGTERM");
      await exited;
      await relay?.close();
      await hub.close();
    }
  }, 60_000);
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
