import { z } from "zod";
import type { DatabaseTarget } from "./services/storage/database.js";

/**
 * Every setting, read from the environment once and validated here; nothing else reads
 * `process.env`. A bad value is reported by name with what is expected, all at once.
 */

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

function integer(defaultValue: number, min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `expected a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `expected a whole number from ${min} to ${max}` })
        .max(max, { message: `expected a whole number from ${min} to ${max}` }),
    )
    .optional()
    .transform((v) => v ?? defaultValue);
}

/** True for an absolute http(s) URL that `new URL` reads. */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).host !== "";
  } catch {
    return false;
  }
}

function httpUrl(defaultValue: string | undefined) {
  // One check, so that a bad URL is reported once (a `.url()` and a protocol check would both fire).
  return optionalString
    .pipe(z.string().refine(isHttpUrl, { message: "expected an absolute http(s) URL" }).optional())
    .transform((v) => (v ?? defaultValue)?.replace(/\/+$/, ""));
}

/**
 * A PostgreSQL connection URL: `postgres://` or `postgresql://`, a host and a database name. The
 * messages never repeat the value, which holds the password.
 */
const postgresUrl = optionalString.pipe(
  z
    .string()
    .refine(isPostgresUrl, {
      message:
        "expected a PostgreSQL URL with a host and a database, e.g. postgres://user:password@host:5432/hubtrends",
    })
    .optional(),
);

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === "postgres:" || url.protocol === "postgresql:") &&
      url.hostname !== "" &&
      url.pathname.length > 1
    );
  } catch {
    return false;
  }
}

/** `true` or `false`, as an operator writes it in an environment file. */
function flag(defaultValue: boolean) {
  return optionalString
    .pipe(z.enum(["true", "false"], { message: "expected true or false" }).optional())
    .transform((v) => (v === undefined ? defaultValue : v === "true"));
}

const snowflake = optionalString.pipe(
  z
    .string()
    .regex(/^\d{17,20}$/, { message: "expected a Discord id (17 to 20 digits)" })
    .optional(),
);

/** What a process does: answer interactions, run scheduled work (collection, digests), or both. */
export type Role = "interactions" | "scheduler";
const ROLE_NAMES: readonly Role[] = ["interactions", "scheduler"];

/** `interactions`, `scheduler` or both, comma-separated; unset is both. */
const roles = optionalString
  .pipe(
    z
      .string()
      .refine(
        (v) => {
          const names = v.split(",").map((name) => name.trim());
          return names.every((name) => (ROLE_NAMES as readonly string[]).includes(name));
        },
        { message: "expected interactions, scheduler, or both separated by a comma" },
      )
      .optional(),
  )
  .transform(
    (v): ReadonlySet<Role> =>
      new Set(v === undefined ? ROLE_NAMES : (v.split(",").map((name) => name.trim()) as Role[])),
  );

/** An Ed25519 public key as the developer portal shows it: 32 bytes in hex. */
const publicKey = optionalString.pipe(
  z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, {
      message: "expected the application's public key from the developer portal (64 hex characters)",
    })
    .optional(),
);

const envSchema = z
  .object({
    DISCORD_TOKEN: optionalString,
    DISCORD_APPLICATION_ID: snowflake,
    DISCORD_API_URL: httpUrl(undefined),
    DEV_GUILD_ID: snowflake,
    HUB_URL: httpUrl("https://huggingface.co"),
    HF_TOKEN: optionalString.pipe(
      z
        .string()
        .startsWith("hf_", { message: "expected a Hugging Face access token starting with hf_" })
        .optional(),
    ),
    DATABASE_PATH: optionalString.transform((v) => v ?? "./data/hubtrends.db"),
    DATABASE_URL: postgresUrl,
    CACHE_TTL_SECONDS: integer(900, 1, 86_400),
    COLLECT_EVERY_HOURS: integer(6, 1, 168),
    SNAPSHOT_TOP_N: integer(5000, 10, 10_000),
    SNAPSHOT_TRENDING_N: integer(200, 0, 1000),
    SNAPSHOT_NEW_LIMIT: integer(1000, 0, 10_000),
    SNAPSHOT_RETENTION_DAYS: integer(180, 14, 3650),
    CHART_RENDERER: optionalString
      .pipe(z.enum(["local", "quickchart"], { message: "expected local or quickchart" }).optional())
      .transform((v) => v ?? "local"),
    QUICKCHART_URL: httpUrl("https://quickchart.io"),
    QUICKCHART_CJK_FONTS: flag(false),
    CHART_DEVICE_PIXEL_RATIO: integer(3, 1, 4),
    DIGEST_GRACE_HOURS: integer(12, 0, 72),
    DIGEST_TICK_SECONDS: integer(30, 1, 300),
    DIGEST_CLAIM_TIMEOUT_SECONDS: integer(300, 10, 3600),
    // 5 s at the least, so tests run fast; a day at most, past which a "release alert" is news no more.
    WATCH_POLL_SECONDS: integer(600, 5, 86_400),
    INTERACTIONS_MODE: optionalString
      .pipe(z.enum(["gateway", "http"], { message: "expected gateway or http" }).optional())
      .transform((v) => v ?? "gateway"),
    // 0 is "any free port" (tests and benches start several replicas on one machine).
    HTTP_PORT: optionalString.pipe(integer(-1, 0, 65_535)),
    DISCORD_PUBLIC_KEY: publicKey,
    ROLES: roles,
    GATEWAY: flag(true),
    LOG_LEVEL: optionalString
      .pipe(
        z
          .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
            message: "expected fatal, error, warn, info, debug, trace or silent",
          })
          .optional(),
      )
      // Unset is not "info": the bot logs at info by default, the CLI not at all (see LOG_LEVEL in the README).
      .transform((v) => v ?? null),
  })
  .superRefine((env, ctx) => {
    // Said by name, with the rest: an http process without the key could verify nothing.
    if (env.INTERACTIONS_MODE === "http" && env.DISCORD_PUBLIC_KEY === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["DISCORD_PUBLIC_KEY"],
        message:
          "required when INTERACTIONS_MODE=http: the application's public key from the developer portal (64 hex characters)",
      });
    }
    if (env.INTERACTIONS_MODE === "gateway" && !env.GATEWAY) {
      ctx.addIssue({
        code: "custom",
        path: ["GATEWAY"],
        message: "false needs INTERACTIONS_MODE=http: in gateway mode interactions arrive over the gateway",
      });
    }
  });

type Env = z.output<typeof envSchema>;

/** The validated settings, grouped by what they are for. */
export interface Config {
  discord: {
    /** Absent for CLI commands that do not talk to Discord. */
    token: string | undefined;
    applicationId: string | undefined;
    apiUrl: string | undefined;
    devGuildId: string | undefined;
  };
  hub: { url: string; token: string | undefined };
  /** PostgreSQL when DATABASE_URL is set (DATABASE_PATH is then not used), else the SQLite file. */
  database: DatabaseTarget;
  cacheTtlSeconds: number;
  collection: {
    everyHours: number;
    topN: number;
    trendingN: number;
    newLimit: number;
    /** Weeks back the newest-models list reaches. */
    newWeeks: number;
    retentionDays: number;
  };
  charts: {
    renderer: "local" | "quickchart";
    quickchartUrl: string;
    /** The QuickChart server has a CJK font (`QUICKCHART_CJK_FONTS`); else charts with CJK text are drawn locally. */
    quickchartCjkFonts: boolean;
    devicePixelRatio: number;
  };
  /** Each watched organisation is asked once per `pollSeconds`, the orgs spread over it. */
  watches: { pollSeconds: number };
  digests: {
    graceHours: number;
    /** How often the scheduler looks for due digests. */
    tickSeconds: number;
    /** A claim older than this, never posted, is taken as a crashed attempt and retried (nonce-checked). */
    claimTimeoutSeconds: number;
  };
  /**
   * How interactions arrive (`INTERACTIONS_MODE`): over the gateway, or as signed POSTs to
   * `/interactions` on `port`. `publicKey` (hex) verifies them; it is set whenever mode is http.
   */
  interactions: { mode: "gateway" | "http"; port: number | null; publicKey: string | undefined };
  /** `ROLES`: what this process does. */
  roles: ReadonlySet<Role>;
  /**
   * Whether the process connects to the gateway. Always in gateway mode; in http mode only a
   * scheduler process does, unless `GATEWAY=false` (see the README: guild-leave clean-up).
   */
  gateway: boolean;
  /** `LOG_LEVEL`, or null when it is not set: each entry point has its own default. */
  logLevel: string | null;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Validates an environment; never throws, never exits. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    return { ok: false, errors };
  }
  return { ok: true, config: toConfig(parsed.data) };
}

function toConfig(env: Env): Config {
  return {
    discord: {
      token: env.DISCORD_TOKEN,
      applicationId: env.DISCORD_APPLICATION_ID,
      apiUrl: env.DISCORD_API_URL,
      devGuildId: env.DEV_GUILD_ID,
    },
    hub: { url: env.HUB_URL ?? "https://huggingface.co", token: env.HF_TOKEN },
    database:
      env.DATABASE_URL === undefined
        ? { kind: "sqlite", path: env.DATABASE_PATH }
        : { kind: "postgres", url: env.DATABASE_URL },
    cacheTtlSeconds: env.CACHE_TTL_SECONDS,
    collection: {
      everyHours: env.COLLECT_EVERY_HOURS,
      topN: env.SNAPSHOT_TOP_N,
      trendingN: env.SNAPSHOT_TRENDING_N,
      newLimit: env.SNAPSHOT_NEW_LIMIT,
      newWeeks: 8,
      retentionDays: env.SNAPSHOT_RETENTION_DAYS,
    },
    charts: {
      renderer: env.CHART_RENDERER,
      quickchartUrl: env.QUICKCHART_URL ?? "https://quickchart.io",
      quickchartCjkFonts: env.QUICKCHART_CJK_FONTS,
      devicePixelRatio: env.CHART_DEVICE_PIXEL_RATIO,
    },
    watches: { pollSeconds: env.WATCH_POLL_SECONDS },
    digests: {
      graceHours: env.DIGEST_GRACE_HOURS,
      tickSeconds: env.DIGEST_TICK_SECONDS,
      claimTimeoutSeconds: env.DIGEST_CLAIM_TIMEOUT_SECONDS,
    },
    interactions: {
      mode: env.INTERACTIONS_MODE,
      // Unset: 8080 in http mode; in gateway mode no HTTP server (health and metrics only when asked for).
      port: env.HTTP_PORT !== -1 ? env.HTTP_PORT : env.INTERACTIONS_MODE === "http" ? 8080 : null,
      publicKey: env.DISCORD_PUBLIC_KEY?.toLowerCase(),
    },
    roles: env.ROLES,
    gateway: env.INTERACTIONS_MODE === "gateway" || (env.GATEWAY && env.ROLES.has("scheduler")),
    logLevel: env.LOG_LEVEL,
  };
}

/**
 * Reads `process.env` (the one place that does), or prints every problem by name and exits 1.
 * `requireDiscordToken` is set by the bot and the registration script; the CLI works without one.
 */
export function loadConfigOrExit(options: { requireDiscordToken: boolean }): Config {
  const result = parseConfig(process.env);
  const errors = result.ok ? [] : [...result.errors];
  if (result.ok && options.requireDiscordToken && result.config.discord.token === undefined) {
    errors.push("DISCORD_TOKEN: required: the bot token from the Discord developer portal");
  }
  if (!result.ok || errors.length > 0) {
    process.stderr.write(`hubtrends: invalid configuration:\n${errors.map((e) => `  - ${e}`).join("\n")}\n`);
    process.exit(1);
  }
  return result.config;
}
