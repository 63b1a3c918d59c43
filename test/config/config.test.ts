import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";

describe("parseConfig", () => {
  it("gives an embedded default for everything but the Discord token", () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.hub.url).toBe("https://huggingface.co");
    expect(result.config.database).toEqual({ kind: "sqlite", path: "./data/hubtrends.db" });
    expect(result.config.charts.renderer).toBe("local");
    expect(result.config.collection.topN).toBe(5000);
    expect(result.config.discord.token).toBeUndefined();
  });

  it("polls watched organisations every 600 s unless told, and no faster than every 5 s", () => {
    const standard = parseConfig({});
    expect(standard.ok && standard.config.watches).toEqual({ pollSeconds: 600 });
    const fast = parseConfig({ WATCH_POLL_SECONDS: "5" });
    expect(fast.ok && fast.config.watches.pollSeconds).toBe(5);
    const tooFast = parseConfig({ WATCH_POLL_SECONDS: "4" });
    expect(!tooFast.ok && tooFast.errors).toEqual([
      "WATCH_POLL_SECONDS: expected a whole number from 5 to 86400",
    ]);
  });

  it("treats empty variables as unset", () => {
    const result = parseConfig({ HF_TOKEN: "", HUB_URL: " " });
    expect(result.ok && result.config.hub).toEqual({ url: "https://huggingface.co", token: undefined });
  });

  it("reports every bad variable by name with what is expected", () => {
    const result = parseConfig({
      SNAPSHOT_TOP_N: "20000",
      HF_TOKEN: "abc",
      HUB_URL: "ftp://example.com",
      CHART_RENDERER: "svg",
      DEV_GUILD_ID: "12",
      CACHE_TTL_SECONDS: "soon",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        "SNAPSHOT_TOP_N: expected a whole number from 10 to 10000",
        "HF_TOKEN: expected a Hugging Face access token starting with hf_",
        "HUB_URL: expected an absolute http(s) URL",
        "CHART_RENDERER: expected local or quickchart",
        "DEV_GUILD_ID: expected a Discord id (17 to 20 digits)",
        "CACHE_TTL_SECONDS: expected a whole number from 1 to 86400",
      ]),
    );
    expect(result.errors).toHaveLength(6);
  });

  it("strips a trailing slash from URLs so paths join cleanly", () => {
    const result = parseConfig({
      HUB_URL: "http://127.0.0.1:8080/",
      DISCORD_API_URL: "http://127.0.0.1:9/api/",
    });
    expect(result.ok && [result.config.hub.url, result.config.discord.apiUrl]).toEqual([
      "http://127.0.0.1:8080",
      "http://127.0.0.1:9/api",
    ]);
  });

  it("selects PostgreSQL for everything stored when DATABASE_URL is set, whatever DATABASE_PATH says", () => {
    const url = "postgresql://bot:secret@db.internal:5433/hubtrends";
    const result = parseConfig({ DATABASE_URL: url, DATABASE_PATH: "/data/hubtrends.db" });
    expect(result.ok && result.config.database).toEqual({ kind: "postgres", url });
  });

  it("refuses a DATABASE_URL without a database name, or of another scheme, by name and without its value", () => {
    for (const bad of [
      "postgres://bot:secret@db.internal:5432",
      "mysql://bot:secret@db/hubtrends",
      "not a url",
    ]) {
      const result = parseConfig({ DATABASE_URL: bad });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toEqual([
        "DATABASE_URL: expected a PostgreSQL URL with a host and a database, e.g. postgres://user:password@host:5432/hubtrends",
      ]);
      expect(result.errors.join("")).not.toContain("secret");
    }
  });

  it("reports a URL that is not one once, not once per check", () => {
    const result = parseConfig({ HUB_URL: "notaurl" });
    expect(result.ok || result.errors).toEqual(["HUB_URL: expected an absolute http(s) URL"]);
  });

  it("says whether the QuickChart server has a CJK font: no unless QUICKCHART_CJK_FONTS=true", () => {
    const unset = parseConfig({});
    expect(unset.ok && unset.config.charts.quickchartCjkFonts).toBe(false);
    const yes = parseConfig({ QUICKCHART_CJK_FONTS: "true" });
    expect(yes.ok && yes.config.charts.quickchartCjkFonts).toBe(true);
    const bad = parseConfig({ QUICKCHART_CJK_FONTS: "yes" });
    expect(bad.ok || bad.errors).toEqual(["QUICKCHART_CJK_FONTS: expected true or false"]);
  });

  it("leaves the log level to each entry point when LOG_LEVEL is not set", () => {
    const unset = parseConfig({});
    expect(unset.ok && unset.config.logLevel).toBeNull();
    const debug = parseConfig({ LOG_LEVEL: "debug" });
    expect(debug.ok && debug.config.logLevel).toBe("debug");
  });

  it("draws charts at three times the density unless told otherwise", () => {
    const result = parseConfig({});
    expect(result.ok && result.config.charts.devicePixelRatio).toBe(3);
  });

  it("serves interactions over the gateway, as both roles, with no HTTP server, unless told otherwise", () => {
    const result = parseConfig({});
    expect(result.ok && result.config.interactions).toEqual({
      mode: "gateway",
      port: null,
      publicKey: undefined,
    });
    expect(result.ok && [...result.config.roles]).toEqual(["interactions", "scheduler"]);
    expect(result.ok && result.config.gateway).toBe(true);
  });

  it("needs DISCORD_PUBLIC_KEY in http mode, says so by name, and listens on 8080 by default", () => {
    const missing = parseConfig({ INTERACTIONS_MODE: "http" });
    expect(missing.ok || missing.errors).toEqual([
      "DISCORD_PUBLIC_KEY: required when INTERACTIONS_MODE=http: the application's public key from the developer portal (64 hex characters)",
    ]);
    const key = "AB".repeat(32);
    const ok = parseConfig({ INTERACTIONS_MODE: "http", DISCORD_PUBLIC_KEY: key });
    expect(ok.ok && ok.config.interactions).toEqual({
      mode: "http",
      port: 8080,
      publicKey: key.toLowerCase(),
    });
  });

  it("reports a bad mode, port, key and role list together with the rest", () => {
    const result = parseConfig({
      INTERACTIONS_MODE: "webhook",
      HTTP_PORT: "70000",
      DISCORD_PUBLIC_KEY: "abc",
      ROLES: "interactions,cron",
      SNAPSHOT_TOP_N: "1",
    });
    expect(result.ok || result.errors).toEqual([
      "SNAPSHOT_TOP_N: expected a whole number from 10 to 10000",
      "INTERACTIONS_MODE: expected gateway or http",
      "HTTP_PORT: expected a whole number from 0 to 65535",
      "DISCORD_PUBLIC_KEY: expected the application's public key from the developer portal (64 hex characters)",
      "ROLES: expected interactions, scheduler, or both separated by a comma",
    ]);
  });

  it("connects an http interactions-only process to no gateway, and a scheduler only when GATEWAY allows", () => {
    const key = "ab".repeat(32);
    const replica = parseConfig({
      INTERACTIONS_MODE: "http",
      DISCORD_PUBLIC_KEY: key,
      ROLES: "interactions",
    });
    expect(replica.ok && replica.config.gateway).toBe(false);
    const scheduler = parseConfig({
      INTERACTIONS_MODE: "http",
      DISCORD_PUBLIC_KEY: key,
      ROLES: " scheduler ",
    });
    expect(scheduler.ok && [scheduler.config.gateway, [...scheduler.config.roles]]).toEqual([
      true,
      ["scheduler"],
    ]);
    const none = parseConfig({ INTERACTIONS_MODE: "http", DISCORD_PUBLIC_KEY: key, GATEWAY: "false" });
    expect(none.ok && none.config.gateway).toBe(false);
    const gatewayOff = parseConfig({ GATEWAY: "false" });
    expect(gatewayOff.ok || gatewayOff.errors).toEqual([
      "GATEWAY: false needs INTERACTIONS_MODE=http: in gateway mode interactions arrive over the gateway",
    ]);
  });
});
