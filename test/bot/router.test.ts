import { ApplicationCommandOptionType, InteractionResponseType, Locale } from "discord.js";
import { type Logger, pino } from "pino";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/bot/command.js";
import { defineCommand, defineParentCommand, defineSubcommand, later } from "../../src/bot/command.js";
import type { CommandServices } from "../../src/bot/command-services.js";
import { createCooldowns } from "../../src/bot/cooldowns.js";
import { CHART_ANSWER } from "../../src/bot/guards.js";
import { choiceOption, stringOption } from "../../src/bot/options.js";
import { createInteractionRouter } from "../../src/bot/router.js";
import { UserFacingError } from "../../src/bot/user-facing-error.js";
import { autocomplete, chatInput, ping, recordingResponder } from "./raw-interactions.js";

/** None of these commands touches a service. */
const services = {} as CommandServices;
const S = ApplicationCommandOptionType.String;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function router(commands: readonly Command[], options: { budgetMs?: number } = {}) {
  const logs: Record<string, unknown>[] = [];
  const logger: Logger = pino(
    { level: "debug" },
    { write: (line: string) => void logs.push(JSON.parse(line)) },
  );
  const clock = () => new Date();
  return {
    logs,
    router: createInteractionRouter({
      commands,
      services,
      cooldowns: createCooldowns(clock),
      logger,
      clock,
      ...options,
    }),
  };
}

const quick = defineCommand({
  name: "quick",
  description: "about.description",
  options: {
    word: stringOption({
      description: "trends.region.description",
      autocomplete: (typed) =>
        Array.from({ length: 30 }, (_, i) => ({ name: `${typed}${i}`, value: `${typed}${i}` })),
    }),
  },
  visibility: "public",
  mayBeSlow: false,
  run: ({ options }) => ({ content: `said ${options.word ?? "nothing"}` }),
});

/** Answers after `delayMs` (an option), refusing "no" in its check, failing on "boom". */
const slow = defineCommand({
  name: "slow",
  description: "about.description",
  options: {
    delay: choiceOption({
      description: "trends.window.description",
      required: true,
      choices: [
        { name: "0", value: 0 },
        { name: "80", value: 80 },
      ],
    }),
    say: stringOption({ description: "trends.region.description" }),
  },
  needs: { cooldownSeconds: 60 },
  visibility: "public",
  mayBeSlow: true,
  check({ options }) {
    if (options.say === "no") throw new UserFacingError("org.bad-name");
    return options.say ?? "";
  },
  privately: (say) => say === "secret",
  async run({ options }, say) {
    await sleep(options.delay);
    if (say === "boom") throw new Error("exploded");
    if (say === "late-no") throw new UserFacingError("org.bad-name");
    return {
      content: `said ${say}`,
      files: [{ name: "x.png", data: Buffer.from("png"), contentType: "image/png" }],
    };
  },
});

let loads = 0;
const waits = defineCommand({
  name: "waits",
  description: "about.description",
  needs: { appPermissions: CHART_ANSWER },
  visibility: "public",
  mayBeSlow: true,
  check: () =>
    later(async () => {
      loads++;
      return "loaded";
    }),
  run: async (_context, plan) => ({ content: plan }),
});

/** A check that must wait, then an answer that takes a while. */
const waitsLonger = defineCommand({
  name: "waits-longer",
  description: "about.description",
  visibility: "ephemeral",
  mayBeSlow: true,
  check: () => later(async () => "loaded"),
  run: async (_context, plan) => {
    await sleep(50);
    return { content: plan };
  },
});

/** A check that reads the database (a promise), taking `delay` ms; refuses "no". */
const reads = defineCommand({
  name: "reads",
  description: "about.description",
  options: {
    delay: choiceOption({
      description: "trends.window.description",
      required: true,
      choices: [
        { name: "0", value: 0 },
        { name: "80", value: 80 },
      ],
    }),
    say: stringOption({ description: "trends.region.description" }),
  },
  needs: { cooldownSeconds: 60 },
  visibility: "ephemeral",
  mayBeSlow: false,
  async check({ options }) {
    await sleep(options.delay);
    if (options.say === "no") throw new UserFacingError("org.bad-name");
    return `read ${options.say ?? ""}`;
  },
  run: (_context, plan) => ({ content: plan }),
});

const parent = defineParentCommand({
  name: "parent",
  description: "about.description",
  subcommands: [
    defineSubcommand({
      name: "child",
      description: "about.description",
      needs: {
        guildOnly: { refusal: "digest.guild-only" },
        memberPermissions: { permissions: ["ManageGuild"], refusal: "digest.manage-server-only" },
      },
      options: { say: stringOption({ description: "trends.region.description", required: true }) },
      visibility: "ephemeral",
      mayBeSlow: false,
      run: ({ guildId, options }) => ({ content: `${guildId} ${options.say}` }),
    }),
  ],
});

const COMMANDS = [quick, slow, waits, waitsLonger, reads, parent];
const say = (value: string) => ({ name: "say", type: S, value }) as const;
const delay = (value: number) =>
  ({ name: "delay", type: ApplicationCommandOptionType.Integer, value }) as const;

describe("the interaction router", () => {
  it("answers a ping with a pong (HTTP interactions)", async () => {
    const responder = recordingResponder();
    await router(COMMANDS).router.handle(ping(), responder);
    expect(responder.sent.map((s) => s.body)).toEqual([{ type: InteractionResponseType.Pong }]);
  });

  it("sends a quick command's answer as the first response, publicly, pinging nobody", async () => {
    const responder = recordingResponder();
    await router(COMMANDS).router.handle(
      chatInput({ name: "quick", options: [{ name: "word", type: S, value: "hi" }] }),
      responder,
    );
    expect(responder.sent).toHaveLength(1);
    expect(responder.sent[0]?.body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: "said hi", allowed_mentions: { parse: [] } },
    });
  });

  it("answers a slow command in one step when it is ready within the budget, with its files", async () => {
    const responder = recordingResponder();
    await router(COMMANDS).router.handle(
      chatInput({ name: "slow", options: [delay(0), say("yes")] }),
      responder,
    );
    expect(responder.sent.map((s) => s.kind)).toEqual(["respond"]);
    expect(responder.firstType()).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(responder.sent[0]?.files).toEqual(["x.png"]);
    expect(responder.sent[0]?.body.data).toMatchObject({ attachments: [{ id: "0" }] });
  });

  it("defers when the answer is late, then edits it in, privately for a private plan", async () => {
    const responder = recordingResponder();
    const { router: r } = router(COMMANDS, { budgetMs: 20 });
    await r.handle(chatInput({ name: "slow", options: [delay(80), say("secret")] }), responder);
    expect(responder.sent.map((s) => s.kind)).toEqual(["respond", "edit"]);
    expect(responder.sent[0]?.body).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: 64 },
    });
    expect(responder.sent[0]?.at).toBeLessThan(70);
    expect(responder.lastContent()).toBe("said secret");
    expect(responder.sent[1]?.files).toEqual(["x.png"]);
  });

  it("refuses in the check at once, privately, and the refusal costs no cooldown", async () => {
    const { router: r } = router(COMMANDS);
    const refused = recordingResponder();
    await r.handle(chatInput({ name: "slow", options: [delay(0), say("no")] }), refused);
    expect(refused.ephemeral()).toBe(true);
    expect(refused.lastContent()).toBe("Give an organisation's Hub name, like Qwen.");
    const answered = recordingResponder();
    await r.handle(chatInput({ name: "slow", options: [delay(0), say("yes")] }), answered);
    expect(answered.lastContent()).toBe("said yes");
    const again = recordingResponder();
    await r.handle(chatInput({ name: "slow", options: [delay(0), say("yes")] }), again);
    expect(again.lastContent()).toMatch(/^Please wait (59|60) seconds before using \/slow again\.$/);
  });

  it("edits a refusal into a deferral, clearing embeds and files", async () => {
    const responder = recordingResponder();
    await router(COMMANDS, { budgetMs: 20 }).router.handle(
      chatInput({ name: "slow", options: [delay(80), say("late-no")] }),
      responder,
    );
    expect(responder.sent.map((s) => s.kind)).toEqual(["respond", "edit"]);
    expect(responder.sent[1]?.body).toEqual({
      content: "Give an organisation's Hub name, like Qwen.",
      embeds: [],
      attachments: [],
      allowed_mentions: { parse: [] },
    });
  });

  it("apologises with an error id in the user's language for an unexpected error, and logs it with the id", async () => {
    const responder = recordingResponder();
    const { router: r, logs } = router(COMMANDS);
    await r.handle(
      chatInput({ name: "slow", options: [delay(0), say("boom")], locale: Locale.ChineseCN }),
      responder,
    );
    const content = responder.lastContent();
    expect(responder.ephemeral()).toBe(true);
    expect(content).toMatch(/^抱歉，我们这边出了问题（错误编号 `[0-9a-f]{8}`）。请一分钟后再试。$/);
    const failure = logs.find((log) => log.msg === "command failed");
    expect(content).toContain(String(failure?.errorId));
    expect(logs.find((log) => log.msg === "interaction")).toMatchObject({
      command: "slow",
      outcome: "error",
    });
  });

  it("acknowledges before a check that must wait, and applies the guards before it starts", async () => {
    const { router: r } = router(COMMANDS);
    loads = 0;
    const refused = recordingResponder();
    await r.handle(chatInput({ name: "waits", appPermissions: 1n << 10n }), refused);
    expect(refused.lastContent()).toContain("missing the Embed Links and Attach Files permissions");
    expect(loads).toBe(0);
    const answered = recordingResponder();
    await r.handle(chatInput({ name: "waits" }), answered);
    expect(answered.sent.map((s) => s.body.type ?? "edit")).toEqual([5, "edit"]);
    expect(answered.lastContent()).toBe("loaded");
    expect(loads).toBe(1);
  });

  it("edits a slow answer into the deferral a waiting check sent, without a second acknowledgement", async () => {
    const responder = recordingResponder();
    await router(COMMANDS, { budgetMs: 20 }).router.handle(chatInput({ name: "waits-longer" }), responder);
    expect(responder.sent.map((s) => s.kind)).toEqual(["respond", "edit"]);
    expect(responder.sent[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(responder.lastContent()).toBe("loaded");
  });

  it("waits for a check that reads the database before answering, in one step when it is quick", async () => {
    const { router: r } = router(COMMANDS);
    const refused = recordingResponder();
    await r.handle(chatInput({ name: "reads", options: [delay(0), say("no")] }), refused);
    expect(refused.sent.map((s) => s.kind)).toEqual(["respond"]);
    expect(refused.lastContent()).toBe("Give an organisation's Hub name, like Qwen.");
    // The refusal came from the check, before the cooldown: the next one is answered.
    const answered = recordingResponder();
    await r.handle(chatInput({ name: "reads", options: [delay(0), say("yes")] }), answered);
    expect(answered.sent.map((s) => s.kind)).toEqual(["respond"]);
    expect(answered.lastContent()).toBe("read yes");
  });

  it("defers while a check that reads a slow database is past the budget, then edits the answer in", async () => {
    const responder = recordingResponder();
    await router(COMMANDS, { budgetMs: 20 }).router.handle(
      chatInput({ name: "reads", options: [delay(80), say("late")] }),
      responder,
    );
    expect(responder.sent.map((s) => s.kind)).toEqual(["respond", "edit"]);
    expect(responder.sent[0]?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(responder.lastContent()).toBe("read late");
  });

  it("checks who and where before reading any option of a subcommand", async () => {
    const { router: r } = router(COMMANDS);
    const sub = (options: { say?: unknown }) =>
      [
        {
          name: "child",
          type: ApplicationCommandOptionType.Subcommand,
          options: options.say === undefined ? [] : [say(String(options.say))],
        },
      ] as const;
    const dm = recordingResponder();
    await r.handle(chatInput({ name: "parent", options: [...sub({})], guildId: null }), dm);
    expect(dm.lastContent()).toBe("Digests belong to a server: use /digest in a server channel.");
    const member = recordingResponder();
    await r.handle(chatInput({ name: "parent", options: [...sub({})] }), member);
    expect(member.lastContent()).toBe(
      "Only members with the **Manage Server** permission can set up or change digests.",
    );
    const admin = recordingResponder();
    await r.handle(
      chatInput({ name: "parent", options: [...sub({ say: "hi" })], memberPermissions: 1n << 5n }),
      admin,
    );
    expect(admin.lastContent()).toMatch(/^\d+ hi$/);
    expect(admin.ephemeral()).toBe(true);
  });

  it("refuses a missing required option, an option of the wrong type and an unknown command, by name", async () => {
    const { router: r } = router(COMMANDS);
    const missing = recordingResponder();
    await r.handle(chatInput({ name: "slow", options: [say("x")] }), missing);
    expect(missing.lastContent()).toBe(
      "The option delay did not come through as expected; please run the command again.",
    );
    const wrong = recordingResponder();
    await r.handle(
      chatInput({
        name: "slow",
        options: [{ name: "delay", type: ApplicationCommandOptionType.Integer, value: 7 }],
      }),
      wrong,
    );
    expect(wrong.lastContent()).toBe("Choose delay from the list: 0, 80.");
    const gone = recordingResponder();
    await r.handle(chatInput({ name: "removed" }), gone);
    expect(gone.lastContent()).toBe("This command is not available any more; it may have been removed.");
  });

  it("answers autocomplete from the focused option's own suggestions, at most 25, and nothing when they fail", async () => {
    const { router: r } = router(COMMANDS);
    const responder = recordingResponder();
    await r.handle(
      autocomplete({ name: "quick", options: [{ name: "word", type: S, value: "ab", focused: true }] }),
      responder,
    );
    const data = responder.sent[0]?.body.data as { choices: { value: string }[] };
    expect(responder.firstType()).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(data.choices).toHaveLength(25);
    expect(data.choices[0]?.value).toBe("ab0");
    const none = recordingResponder();
    await r.handle(
      autocomplete({ name: "slow", options: [{ name: "say", type: S, value: "x", focused: true }] }),
      none,
    );
    expect(none.sent[0]?.body).toEqual({ type: 8, data: { choices: [] } });
  });
});
