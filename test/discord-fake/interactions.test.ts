import type { Interaction } from "discord.js";
import {
  AttachmentBuilder,
  EmbedBuilder,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { describe, expect, it } from "vitest";
import type { DispatchInteractionArgs } from "../fakes/discord/index.js";
import {
  fakeDiscordHarness,
  GUILD_ID,
  onNextInteraction,
  PNG_1X1,
  TEXT_CHANNEL_ID,
  USER,
} from "./helpers.js";

const harness = fakeDiscordHarness();

const trends = new SlashCommandBuilder()
  .setName("trends")
  .setDescription("Trends")
  .addStringOption((o) =>
    o.setName("region").setDescription("Region").setRequired(true).setAutocomplete(true),
  );

const chatInput: DispatchInteractionArgs = {
  guildId: GUILD_ID,
  channelId: TEXT_CHANNEL_ID,
  user: USER,
  name: "trends",
  options: [{ name: "region", type: 3, value: "china" }],
  locale: "zh-CN",
};

function asChatInput(interaction: Interaction) {
  if (!interaction.isChatInputCommand())
    throw new Error(`expected a chat-input command, got type ${interaction.type}`);
  return interaction;
}

describe("chat-input interactions", () => {
  it("parse in discord.js with options, locale, member and app permissions and the registered command id", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    await client.application?.commands.set([trends]);
    const seen = onNextInteraction(client, async (interaction) => {
      const i = asChatInput(interaction);
      await i.reply({ content: "ok" });
      return {
        region: i.options.getString("region", true),
        locale: i.locale,
        guildLocale: i.guildLocale,
        commandId: i.commandId,
        inGuild: i.inCachedGuild(),
        channelName: i.channel && "name" in i.channel ? i.channel.name : undefined,
        userId: i.user.id,
        memberCanSend: i.memberPermissions?.has(PermissionFlagsBits.SendMessages),
        appCanAttach: i.appPermissions.has(PermissionFlagsBits.AttachFiles),
      };
    });
    await discord.dispatchChatInput(chatInput);
    expect(await seen).toEqual({
      region: "china",
      locale: "zh-CN",
      guildLocale: "en-US",
      commandId: discord.commands()[0]?.id,
      inGuild: true,
      channelName: "general",
      userId: USER.id,
      memberCanSend: true,
      appCanAttach: true,
    });
  });

  it("records a deferred answer: the callback, then the @original edit with the PNG bytes and the embed", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const handled = onNextInteraction(client, async (interaction) => {
      const i = asChatInput(interaction);
      await i.deferReply();
      const embed = new EmbedBuilder().setTitle("Downloads by region").setImage("attachment://chart.png");
      return i.editReply({ embeds: [embed], files: [new AttachmentBuilder(PNG_1X1, { name: "chart.png" })] });
    });
    const dispatched = await discord.dispatchChatInput(chatInput);
    const outcome = await dispatched.waitForFinal();
    const message = await handled;

    expect(outcome.callbackType).toBe(5);
    expect(outcome.finalCall.method).toBe("PATCH");
    expect(outcome.finalCall.path).toBe(
      `/webhooks/${discord.applicationId}/${dispatched.token}/messages/@original`,
    );
    expect(outcome.finalCall.headers.authorization).toBeUndefined();
    expect(outcome.files).toEqual([
      { field: "files[0]", name: "chart.png", contentType: "image/png", bytes: new Uint8Array(PNG_1X1) },
    ]);
    expect(outcome.json).toMatchObject({
      embeds: [{ title: "Downloads by region", image: { url: "attachment://chart.png" } }],
    });
    const { dispatchedAt, acknowledgedAt, finalAt } = outcome.timings;
    expect(dispatchedAt).toBeLessThanOrEqual(acknowledgedAt);
    expect(acknowledgedAt).toBeLessThanOrEqual(finalAt);
    // What discord.js got back: the attachment resolved to a URL the fake serves, like Discord's CDN.
    const url = message.embeds[0]?.image?.url ?? "";
    expect(message.attachments.first()?.name).toBe("chart.png");
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(PNG_1X1);
    expect(discord.interactionTimings()).toEqual([dispatched.timings]);
  });

  it("answers an immediate reply (type 4) as final, with with_response=true returning the message", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const handled = onNextInteraction(client, async (interaction) => {
      const response = await asChatInput(interaction).reply({ content: "hello", withResponse: true });
      return response.resource?.message?.content;
    });
    const dispatched = await discord.dispatchChatInput(chatInput);
    const outcome = await dispatched.waitForFinal();
    expect(await handled).toBe("hello");
    expect(outcome.callbackType).toBe(4);
    expect(outcome.timings.acknowledgedAt).toBe(outcome.timings.finalAt);
    expect(discord.messagesIn(TEXT_CHANNEL_ID).map((m) => m.content)).toEqual(["hello"]);
  });

  it("lets the first follow-up after a defer replace the thinking placeholder", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const handled = onNextInteraction(client, async (interaction) => {
      const i = asChatInput(interaction);
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.followUp({ content: "first" });
      await i.followUp({ content: "second" });
    });
    const dispatched = await discord.dispatchChatInput(chatInput);
    const outcome = await dispatched.waitForFinal();
    await handled;
    expect(outcome.json).toMatchObject({ content: "first" });
    expect(discord.messagesIn(TEXT_CHANNEL_ID).map((m) => [m.content, m.flags])).toEqual([
      ["first", MessageFlags.Ephemeral],
      ["second", 0],
    ]);
  });

  it("records an embed title of 300 characters as a violation and rejects the edit", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const handled = onNextInteraction(client, async (interaction) => {
      const i = asChatInput(interaction);
      await i.deferReply();
      // The builder would refuse 300 characters itself; raw embed data goes through to the API as a bot could send it.
      return i.editReply({ embeds: [{ title: "t".repeat(300) }] }).catch((e: unknown) => e);
    });
    const dispatched = await discord.dispatchChatInput(chatInput);
    expect(await handled).toMatchObject({ status: 400, code: 50035 });
    await expect(dispatched.waitForFinal(300)).rejects.toThrow(/acknowledged with type 5.*PATCH .* → 400/);
    expect(discord.takeViolations().flatMap((v) => v.problems)).toEqual([
      "embeds[0].title: BASE_TYPE_MAX_LENGTH Must be 256 or fewer in length.",
    ]);
  });

  it("rejects an embed image that points at a file which was not uploaded", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const handled = onNextInteraction(client, async (interaction) =>
      asChatInput(interaction)
        .reply({
          embeds: [{ image: { url: "attachment://chart.png" } }],
          files: [new AttachmentBuilder(PNG_1X1, { name: "graph.png" })],
        })
        .catch((e: unknown) => e),
    );
    await discord.dispatchChatInput(chatInput);
    expect(await handled).toMatchObject({ code: 50035 });
    expect(discord.takeViolations()[0]?.problems[0]).toMatch(
      /^data\.embeds\[0\]\.image\.url: ATTACHMENT_NOT_FOUND/,
    );
  });
});

describe("interaction lifetimes", () => {
  it("answers a second callback with 40060 already acknowledged", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const handled = onNextInteraction(client, async (interaction) => {
      const i = asChatInput(interaction);
      await i.deferReply();
      return client.rest
        .post(`/interactions/${i.id}/${i.token}/callback`, { auth: false, body: { type: 5 } })
        .catch((e: unknown) => e);
    });
    await discord.dispatchChatInput(chatInput);
    expect(await handled).toMatchObject({ status: 400, code: 40060 });
    expect(discord.takeViolations().map((v) => [v.code, v.problems])).toEqual([
      [40060, ["(body): INTERACTION_PROTOCOL second callback (type 5)"]],
    ]);
  });

  it("forgets an interaction not acknowledged within the deadline (10062 Unknown interaction)", async () => {
    const discord = await harness.start({ ackDeadlineMs: 50 });
    const client = await harness.connect();
    const handled = onNextInteraction(client, async (interaction) => {
      await new Promise((resolve) => setTimeout(resolve, 120));
      return asChatInput(interaction)
        .deferReply()
        .catch((e: unknown) => e);
    });
    const dispatched = await discord.dispatchChatInput(chatInput);
    expect(await handled).toMatchObject({ status: 404, code: 10062 });
    expect(dispatched.timings.acknowledgedAt).toBeUndefined();
    expect(discord.takeViolations()[0]?.problems[0]).toMatch(
      /callback \d+ ms after dispatch; Discord allows 50 ms/,
    );
  });

  it("expires the token 15 minutes after dispatch (10015 Unknown Webhook), on an injected clock", async () => {
    let now = 1_700_000_000_000;
    const discord = await harness.start({ clock: () => now });
    const client = await harness.connect();
    const handled = onNextInteraction(client, async (interaction) => {
      const i = asChatInput(interaction);
      await i.deferReply();
      now += 15 * 60_000 + 1;
      return i.editReply({ content: "too late" }).catch((e: unknown) => e);
    });
    await discord.dispatchChatInput(chatInput);
    expect(await handled).toMatchObject({ status: 404, code: 10015 });
    expect(discord.takeViolations()[0]?.problems).toEqual([
      "(body): INTERACTION_PROTOCOL interaction token used 900001 ms after dispatch; it lives 900000 ms",
    ]);
  });
});

describe("autocomplete", () => {
  const autocomplete: DispatchInteractionArgs = {
    ...chatInput,
    options: [{ name: "region", type: 3, value: "ch", focused: true }],
  };

  it("records the choices as the final answer (callback type 8)", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    await client.application?.commands.set([trends]);
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error("expected autocomplete");
      const focused = interaction.options.getFocused();
      await interaction.respond(
        [{ name: "China", value: "china" }].filter((c) => c.value.startsWith(focused)),
      );
    });
    const outcome = await (await discord.dispatchAutocomplete(autocomplete)).waitForFinal();
    await handled;
    expect(outcome.callbackType).toBe(8);
    expect(outcome.json).toEqual({ choices: [{ name: "China", value: "china" }] });
  });

  it("records 26 choices as a violation", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error("expected autocomplete");
      const choices = Array.from({ length: 26 }, (_, i) => ({ name: `region ${i}`, value: `r${i}` }));
      return interaction.respond(choices).catch((e: unknown) => e);
    });
    await discord.dispatchAutocomplete(autocomplete);
    expect(await handled).toMatchObject({ status: 400, code: 50035 });
    expect(discord.takeViolations()[0]?.problems).toContain(
      "data.choices: BASE_TYPE_MAX_LENGTH Must be 25 or fewer in length.",
    );
  });
});
