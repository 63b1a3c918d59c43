import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { REST, Routes } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { startFakeHub } from "../fakes/hub/fake-hub.js";
import { generateHubModels } from "../fixtures/generate-hub-models.js";
import type { NodeRun } from "../support/run-node.js";
import { freePort, startRelay } from "../support/tcp-relay.js";
import { POSTGRES_SKIPPED, TEST_DATABASE_URL } from "../support/test-databases.js";
import { ENTRY_ARGS, runEntry, unprivilegedUser } from "./process.js";

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

describe("npm start with a database it cannot use", () => {
  // The bot runs as an unprivileged user (root ignores permissions), who must reach the directory.
  beforeEach(() => chmodSync(dir, 0o777));

  const startWith = (path: string) =>
    runEntry(
      "index.ts",
      { DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DATABASE_PATH: path },
      unprivilegedUser(),
    );

  /** Exit 1 with one line naming the file and DATABASE_PATH, and no stack trace. */
  function expectRefusal(run: NodeRun, path: string, reason: string): void {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`hubtrends: cannot open the database ${path} (DATABASE_PATH): ${reason}\n`);
  }

  const notWritable = (path: string, code: string) =>
    `${path} is not writable by this process (${code}): the bot writes the file and, next to it, its -wal and -shm files`;

  /** A directory the bot may read but not write. */
  function lockedDirectory(): string {
    const locked = join(dir, "locked");
    mkdirSync(locked, { mode: 0o555 });
    return locked;
  }

  it("names the file, DATABASE_PATH and the reason when its directory cannot be created", async () => {
    const locked = lockedDirectory();
    const path = join(locked, "data", "db.sqlite");
    expectRefusal(
      await startWith(path),
      path,
      `cannot create its directory ${join(locked, "data")}: permission denied (EACCES)`,
    );
  });

  it("says so when the directory exists but does not take new files", async () => {
    const locked = lockedDirectory();
    const path = join(locked, "db.sqlite");
    expectRefusal(await startWith(path), path, notWritable(locked, "SQLITE_CANTOPEN"));
  });

  it("says so when the file is read-only", async () => {
    const path = join(dir, "db.sqlite");
    writeFileSync(path, "");
    chmodSync(path, 0o444);
    expectRefusal(await startWith(path), path, notWritable(path, "SQLITE_READONLY"));
  });

  it("says so when the file is not a database", async () => {
    const path = join(dir, "notes.txt");
    writeFileSync(path, "these are not the tables you are looking for\n".repeat(100));
    expectRefusal(
      await startWith(path),
      path,
      "the file is not an SQLite database (SQLITE_NOTADB: file is not a database)",
    );
  });

  it("says so when the path is a directory", async () => {
    expectRefusal(await startWith(dir), dir, "it is a directory, not a file");
  });

  it("says so when part of the path is a file", async () => {
    writeFileSync(join(dir, "data"), "");
    const path = join(dir, "data", "db.sqlite");
    expectRefusal(
      await startWith(path),
      path,
      `a part of its directory ${join(dir, "data")} is a file, not a directory (EEXIST)`,
    );
  });
});

describe("npm start with a PostgreSQL database it cannot use", () => {
  const startWith = (url: string) =>
    runEntry("index.ts", {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_URL: url,
    });

  /** Exit 1 with one line naming the server (password hidden), DATABASE_URL and the reason. */
  function expectRefusal(run: NodeRun, shown: string, reason: string, secret?: string): void {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`hubtrends: cannot open the database ${shown} (DATABASE_URL): ${reason}\n`);
    if (secret !== undefined) expect(run.stderr + run.stdout).not.toContain(secret);
  }

  it("names the server and DATABASE_URL when nothing answers there, without printing the password", async () => {
    expectRefusal(
      await startWith("postgres://hubtrends:s3cret-word@127.0.0.1:1/hubtrends"),
      "postgres://hubtrends:***@127.0.0.1:1/hubtrends",
      "nothing answers at 127.0.0.1:1 (ECONNREFUSED): is PostgreSQL running there, on that port?",
      "s3cret-word",
    );
  });

  it("refuses a DATABASE_URL that is not a PostgreSQL URL by name, without repeating it", async () => {
    const run = await startWith("mysql://root:s3cret-word@127.0.0.1/db");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "DATABASE_URL: expected a PostgreSQL URL with a host and a database, e.g. postgres://user:password@host:5432/hubtrends",
    );
    expect(run.stderr).not.toContain("s3cret-word");
  });

  describe.skipIf(TEST_DATABASE_URL === undefined)(
    `on the test server (${POSTGRES_SKIPPED} otherwise)`,
    () => {
      const onServer = (change: (url: URL) => void) => {
        const url = new URL(TEST_DATABASE_URL ?? "postgres://127.0.0.1/test");
        change(url);
        return url;
      };

      it("says the server refused the user", async () => {
        const url = onServer((u) => {
          u.username = "no_such_role";
          u.password = "s3cret-word";
        });
        expectRefusal(
          await startWith(url.toString()),
          url.toString().replace("s3cret-word", "***"),
          'the server refused user "no_such_role": role "no_such_role" does not exist (28000)',
          "s3cret-word",
        );
      });

      it("says the server has no such database", async () => {
        const url = onServer((u) => {
          u.pathname = "/no_such_database";
        });
        expectRefusal(
          await startWith(url.toString()),
          url.toString(),
          `the server ${url.hostname}:${url.port || "5432"} has no database "no_such_database" (3D000): create it, or fix the URL`,
        );
      });
    },
  );
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

  it("says in one line, as npm start does, that Discord cannot be reached and what to check", async () => {
    // Port 9 (discard) has nothing listening here: the connection is refused at once.
    const run = await runEntry("register-commands.ts", {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: "http://127.0.0.1:9/api",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "hubtrends register: cannot reach Discord at 127.0.0.1:9 (ECONNREFUSED): check the network and DISCORD_API_URL\n",
    );
  });
});
