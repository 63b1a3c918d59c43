import { DiscordAPIError, PermissionFlagsBits, Routes, SlashCommandBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { fakeDiscordHarness, GUILD_ID } from "./helpers.js";

const harness = fakeDiscordHarness();

const trends = new SlashCommandBuilder()
  .setName("trends")
  .setDescription("What is happening in open-source AI")
  .setDescriptionLocalizations({ "zh-CN": "开源 AI 的动态" })
  .setDefaultMemberPermissions(PermissionFlagsBits.SendMessages)
  .addStringOption((o) =>
    o.setName("region").setDescription("Where the models come from").setRequired(true).setAutocomplete(true),
  )
  .addIntegerOption((o) => o.setName("days").setDescription("Window in days").setMinValue(1).setMaxValue(90));

describe("bulk overwrite of commands", () => {
  it("accepts builder commands and returns them with ids, as stored", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const set = await client.application?.commands.set([
      trends,
      { name: "about", description: "About the bot" },
    ]);
    const stored = discord.commands();
    expect(stored.map((c) => c.name)).toEqual(["trends", "about"]);
    expect([...(set?.keys() ?? [])]).toEqual(stored.map((c) => c.id));
    expect(stored[0]).toMatchObject({
      application_id: discord.applicationId,
      type: 1,
      default_member_permissions: "2048",
    });
    const fetched = await client.application?.commands.fetch();
    expect(fetched?.map((c) => c.name).sort()).toEqual(["about", "trends"]);
  });

  it("lists commands without localisation maps unless asked with with_localizations, as Discord does", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    await client.application?.commands.set([trends]);
    const route = Routes.applicationCommands(discord.applicationId);
    const plain = (await client.rest.get(route)) as Record<string, unknown>[];
    expect(plain[0]).not.toHaveProperty("description_localizations");
    const full = (await client.rest.get(route, {
      query: new URLSearchParams({ with_localizations: "true" }),
    })) as Record<string, unknown>[];
    expect(full[0]?.description_localizations).toEqual({ "zh-CN": "开源 AI 的动态" });
  });

  it("keeps a command's id when it is overwritten again, so registered ids stay valid", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    await client.application?.commands.set([trends]);
    const before = discord.commands()[0]?.id;
    await client.application?.commands.set([trends, { name: "about", description: "About" }]);
    expect(discord.commands()[0]?.id).toBe(before);
  });

  it("stores guild commands apart from global ones", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    await client.application?.commands.set([trends], GUILD_ID);
    expect(discord.commands(GUILD_ID).map((c) => c.guild_id)).toEqual([GUILD_ID]);
    expect(discord.commands()).toEqual([]);
  });

  it("rejects a chat-input name with a space and capitals ('Trends Now') as a violation", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const error = await client.application?.commands
      .set([{ name: "Trends Now", description: "x" }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect(discord.commands()).toEqual([]);
    const [violation] = discord.takeViolations();
    expect(violation?.problems).toEqual([
      "[0].name: APPLICATION_COMMAND_INVALID_NAME Command name is invalid",
    ]);
    expect(discord.callsTo("PUT", /\/commands$/)[0]?.response).toEqual({
      message: "Invalid Form Body",
      code: 50035,
      errors: {
        "0": {
          name: {
            _errors: [{ code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid" }],
          },
        },
      },
    });
  });

  it("rejects a misspelt field Discord would silently drop", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const route = `/applications/${discord.applicationId}/commands` as const;
    await expect(
      client.rest.put(route, { body: [{ name: "trends", descripton: "typo" }] }),
    ).rejects.toMatchObject({ code: 50035 });
    expect(discord.takeViolations()[0]?.problems).toEqual([
      "[0].descripton: UNKNOWN_FIELD Not in Discord's schema: Discord would silently drop it (the fake rejects it to catch typos).",
      "[0].description: BASE_TYPE_BAD_LENGTH Must be between 1 and 100 in length.",
    ]);
  });

  it("refuses another application's commands with 403 Missing Access", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    await expect(
      client.rest.put("/applications/1180000000000000999/commands", { body: [] }),
    ).rejects.toMatchObject({
      status: 403,
      code: 50001,
    });
    expect(discord.violations).toEqual([]);
  });
});
