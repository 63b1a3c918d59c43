import { describe, expect, it } from "vitest";
import { fakeDiscordHarness, GUILD_ID, PNG_1X1, TEXT_CHANNEL_ID, USER } from "./helpers.js";

const harness = fakeDiscordHarness();

describe("the REST wire", () => {
  it("answers unknown routes 404 with Discord's body, and only serves /api/v10", async () => {
    const discord = await harness.start();
    const auth = { Authorization: `Bot ${discord.token}` };
    for (const path of ["/v10/nothing/here", "/v9/users/@me"]) {
      const res = await fetch(`${discord.apiUrl}${path}`, { headers: auth });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ message: "404: Not Found", code: 0 });
    }
  });

  it("requires the bot token on REST routes but not on interaction callbacks", async () => {
    const discord = await harness.start();
    const me = await fetch(`${discord.apiUrl}/v10/users/@me`, { headers: { Authorization: "Bot wrong" } });
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ message: "401: Unauthorized", code: 0 });
    const unknown = await fetch(`${discord.apiUrl}/v10/interactions/1180000000000000777/token/callback`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ type: 5 }),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: "Unknown interaction", code: 10062 });
  });

  it("sends a 204 without a JSON content type", async () => {
    const discord = await harness.start();
    await harness.connect();
    const dispatched = await discord.dispatchChatInput({
      guildId: GUILD_ID,
      channelId: TEXT_CHANNEL_ID,
      user: USER,
      name: "trends",
    });
    const res = await fetch(
      `${discord.apiUrl}/v10/interactions/${dispatched.id}/${dispatched.token}/callback`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ type: 5, data: { flags: 0 } }),
      },
    );
    expect(res.status).toBe(204);
    expect(res.headers.get("content-type")).toBeNull();
    expect(await res.text()).toBe("");
  });

  it("answers malformed JSON with 50109", async () => {
    const discord = await harness.start();
    const res = await fetch(`${discord.apiUrl}/v10/channels/${TEXT_CHANNEL_ID}/messages`, {
      method: "POST",
      headers: { Authorization: `Bot ${discord.token}`, "Content-Type": "application/json" },
      body: "{ content: 'hi' ",
    });
    expect(await res.json()).toEqual({ message: "The request body contains invalid JSON.", code: 50109 });
  });

  it("parses a multipart post into payload_json and files, decoding %40original on the way", async () => {
    const discord = await harness.start();
    await harness.connect();
    const dispatched = await discord.dispatchChatInput({
      guildId: GUILD_ID,
      channelId: TEXT_CHANNEL_ID,
      user: USER,
      name: "trends",
    });
    const base = `${discord.apiUrl}/v10`;
    await fetch(`${base}/interactions/${dispatched.id}/${dispatched.token}/callback`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ type: 5 }),
    });
    const form = new FormData();
    form.append("files[0]", new Blob([PNG_1X1], { type: "image/png" }), "chart.png");
    form.append(
      "payload_json",
      JSON.stringify({ embeds: [{ image: { url: "attachment://chart.png" } }], attachments: [{ id: "0" }] }),
    );
    const res = await fetch(
      `${base}/webhooks/${discord.applicationId}/${dispatched.token}/messages/%40original`,
      {
        method: "PATCH",
        body: form,
      },
    );
    expect(res.status).toBe(200);
    const call = discord.calls.at(-1);
    expect(call?.path).toBe(`/webhooks/${discord.applicationId}/${dispatched.token}/messages/@original`);
    expect(call?.route).toBe("PATCH /webhooks/:app/:token/messages/:message");
    expect(call?.files.map((f) => [f.field, f.name, f.contentType, f.bytes.byteLength])).toEqual([
      ["files[0]", "chart.png", "image/png", PNG_1X1.byteLength],
    ]);
    const message = (await res.json()) as { attachments: { width: number; height: number }[] };
    expect(message.attachments[0]).toMatchObject({ width: 1, height: 1 });
  });
});

describe("dispatched interaction payloads", () => {
  it("carry the fields of a real guild chat-input interaction", async () => {
    const discord = await harness.start();
    await harness.connect();
    const { payload } = await discord.dispatchChatInput({
      guildId: GUILD_ID,
      channelId: TEXT_CHANNEL_ID,
      user: USER,
      name: "trends",
      options: [{ name: "region", type: 3, value: "china" }],
      appPermissions: "0",
    });
    expect(payload).toMatchObject({
      application_id: discord.applicationId,
      type: 2,
      data: { name: "trends", type: 1, options: [{ name: "region", type: 3, value: "china" }] },
      guild_id: GUILD_ID,
      channel_id: TEXT_CHANNEL_ID,
      channel: { id: TEXT_CHANNEL_ID, type: 0 },
      member: { user: { id: USER.id, username: USER.username }, roles: [] },
      version: 1,
      locale: "en-US",
      guild_locale: "en-US",
      app_permissions: "0",
      entitlements: [],
      authorizing_integration_owners: { "0": GUILD_ID },
      context: 0,
    });
    expect(typeof payload.token).toBe("string");
    expect(typeof (payload.member as { permissions?: unknown }).permissions).toBe("string");
  });

  it("refuse options the registered command does not declare", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    await client.application?.commands.set([{ name: "trends", description: "Trends" }]);
    await expect(
      discord.dispatchChatInput({
        guildId: GUILD_ID,
        channelId: TEXT_CHANNEL_ID,
        name: "trends",
        options: [{ name: "region", type: 3, value: "x" }],
      }),
    ).rejects.toThrow('/trends: option "region" is not declared by the registered command');
  });
});
