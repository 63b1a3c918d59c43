import { type APIApplicationCommandInteractionDataOption, ApplicationCommandOptionType } from "discord.js";
import { type Logger, pino } from "pino";
import { describe, expect, it } from "vitest";
import type { RoutedHandler } from "../../src/bot/command.js";
import { createCooldowns } from "../../src/bot/cooldowns.js";
import type { Needs } from "../../src/bot/guards.js";
import { createInteractionRouter } from "../../src/bot/router.js";
import { COMMANDS } from "../../src/commands/index.js";
import { type BotHarness, botHarness, CHANNEL_ID, GUILD_ID } from "./harness.js";
import {
  ANSWER_PERMISSIONS,
  chatInput,
  MANAGE_GUILD,
  type RawInteractionArgs,
  recordingResponder,
} from "./raw-interactions.js";

const harness = botHarness();
const S = ApplicationCommandOptionType.String;
const ADMIN = ANSWER_PERMISSIONS | MANAGE_GUILD;

/** A valid invocation of each command and subcommand, by path; one missing fails the test below. */
async function samples(h: BotHarness): Promise<Record<string, Omit<RawInteractionArgs, "name">>> {
  const model = (await h.services.store.latest())?.models[0]?.id ?? "";
  const digest = (name: string, options: APIApplicationCommandInteractionDataOption[] = []) => ({
    options: [
      { name, type: ApplicationCommandOptionType.Subcommand, options },
    ] as APIApplicationCommandInteractionDataOption[],
    memberPermissions: ADMIN,
  });
  return {
    trends: {},
    top: {
      options: [
        { name: "kind", type: S, value: "models" },
        { name: "sort", type: S, value: "downloads" },
      ],
    },
    model: { options: [{ name: "id", type: S, value: model }] },
    org: { options: [{ name: "name", type: S, value: "Qwen" }] },
    compare: {
      options: [
        { name: "a", type: S, value: "china" },
        { name: "b", type: S, value: "us" },
      ],
    },
    about: {},
    "digest set": {
      ...digest("set", [
        { name: "channel", type: ApplicationCommandOptionType.Channel, value: CHANNEL_ID },
        { name: "day", type: S, value: "mon" },
        { name: "time", type: S, value: "09:00" },
        { name: "timezone", type: S, value: "Asia/Shanghai" },
      ]),
      resolved: {
        channels: { [CHANNEL_ID]: { id: CHANNEL_ID, name: "trends", type: 0, permissions: String(ADMIN) } },
      },
    },
    "digest show": digest("show"),
    "digest preview": digest("preview"),
    "digest send-now": digest("send-now"),
    "digest off": digest("off"),
    // /watch add runs first and creates watch #1, which test and remove act on.
    "watch add": {
      ...digest("add", [
        { name: "org", type: S, value: "Qwen" },
        { name: "channel", type: ApplicationCommandOptionType.Channel, value: CHANNEL_ID },
      ]),
      resolved: {
        channels: { [CHANNEL_ID]: { id: CHANNEL_ID, name: "trends", type: 0, permissions: String(ADMIN) } },
      },
    },
    "watch list": digest("list"),
    "watch test": digest("test", [{ name: "id", type: ApplicationCommandOptionType.Integer, value: 1 }]),
    "watch remove": digest("remove", [{ name: "id", type: ApplicationCommandOptionType.Integer, value: 1 }]),
  };
}

/**
 * How to break each kind of need, and the outcome the router must log for it. Typed over every
 * key of `Needs`: a new kind of guard does not compile until it can be tested here.
 */
const VIOLATIONS: {
  [K in keyof Needs]-?: { args: Partial<RawInteractionArgs>; refusal(need: NonNullable<Needs[K]>): string };
} = {
  guildOnly: { args: { guildId: null }, refusal: (need) => need.refusal },
  memberPermissions: { args: { memberPermissions: 0n }, refusal: (need) => need.refusal },
  appPermissions: { args: { appPermissions: 0n }, refusal: (need) => need.refusal },
  // The same invocation again, right after the one that was answered.
  cooldownSeconds: { args: {}, refusal: () => "guard.cooldown" },
};

describe("guards", () => {
  it("are applied by the router for every one a command or subcommand declares, before it answers", async () => {
    const h = await harness.start();
    await h.services.collector.collect();
    const logs: Record<string, unknown>[] = [];
    const logger: Logger = pino(
      { level: "info" },
      { write: (line: string) => void logs.push(JSON.parse(line)) },
    );
    const router = createInteractionRouter({
      commands: COMMANDS,
      services: h.bot.services,
      cooldowns: createCooldowns(h.clock),
      logger,
      clock: h.clock,
    });
    const run = async (handler: RoutedHandler, args: Omit<RawInteractionArgs, "name">) => {
      const responder = recordingResponder();
      logs.length = 0;
      await router.handle(
        chatInput({ guildId: GUILD_ID, ...args, name: handler.path.split(" ")[0] ?? "" }),
        responder,
      );
      return { responder, outcome: logs.find((log) => log.msg === "interaction")?.outcome };
    };
    const sample = await samples(h);
    const handlers = COMMANDS.flatMap((command) => [...command.handlers.values()]);
    const checked: string[] = [];

    for (const handler of handlers) {
      const args = sample[handler.path];
      if (args === undefined) throw new Error(`no sample invocation of /${handler.path} in this test`);
      // The sample is answered (so a refusal below is the guard's); /digest set runs first and
      // creates the digest that preview, send-now and off act on.
      expect((await run(handler, args)).outcome, handler.path).toBe("ok");

      for (const kind of Object.keys(handler.needs) as (keyof Needs)[]) {
        const need = handler.needs[kind];
        const violation = VIOLATIONS[kind] as {
          args: Partial<RawInteractionArgs>;
          refusal(need: unknown): string;
        };
        const { responder, outcome } = await run(handler, { ...args, ...violation.args });
        const where = `/${handler.path} ${kind}`;
        expect(outcome, where).toBe(violation.refusal(need));
        expect(
          responder.sent.map((sent) => sent.kind),
          where,
        ).toEqual(["respond"]);
        expect(responder.ephemeral(), where).toBe(true);
        checked.push(where);
      }
    }
    // Every kind of guard is declared somewhere, so each was tried at least once.
    for (const kind of Object.keys(VIOLATIONS))
      expect(
        checked.some((where) => where.endsWith(` ${kind}`)),
        kind,
      ).toBe(true);
  });
});
