import { describe, expect, it } from "vitest";
import type { InteractionOptionInit } from "../fakes/discord/index.js";
import { digest, postsIn, setCommand, setDigest } from "./digest-helpers.js";
import { botHarness, CHANNEL_ID, contentOf, GUILD_ID } from "./harness.js";

const harness = botHarness();
const ROLE_ID = "1190000000000000041";

function role(mentionable: boolean) {
  return {
    id: ROLE_ID,
    name: "digest-readers",
    color: 0,
    hoist: false,
    position: 1,
    permissions: "0",
    managed: false,
    mentionable,
    flags: 0,
  };
}

/** `/digest set … role:` as Discord sends it, the role resolved. */
function setWithRole(mentionable: boolean) {
  const command = setCommand({});
  const [set] = command.options;
  const options: InteractionOptionInit[] = [
    { name: "set", type: 1, options: [...(set?.options ?? []), { name: "role", type: 8, value: ROLE_ID }] },
  ];
  const resolved = { ...(command.extra.resolved as object), roles: { [ROLE_ID]: role(mentionable) } };
  return { options, extra: { ...command.extra, resolved } };
}

describe("/digest set role", () => {
  it("mentions the chosen role, and only it, in every post", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z" });
    await h.services.collector.collect();
    const set = setWithRole(true);
    await h.run("digest", set.options, set.extra);
    await digest(h, "send-now", 1);
    const [body] = h.discord.callsTo("POST", `/channels/${CHANNEL_ID}/messages`).map((c) => c.json);
    expect(body).toMatchObject({
      content: `<@&${ROLE_ID}>`,
      allowed_mentions: { parse: [], roles: [ROLE_ID] },
    });
  });

  it("refuses a role the bot may not mention", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z" });
    await h.services.collector.collect();
    const set = setWithRole(false);
    const outcome = await h.run("digest", set.options, set.extra);
    expect(contentOf(outcome.json)).toMatch(/not allowed to mention/);
    expect(await h.bot.services.digests.store.listByGuild(GUILD_ID)).toEqual([]);
  });
});

describe("/digest set in a thread", () => {
  it("posts the digest in the thread", async () => {
    const THREAD_ID = "1190000000000000031";
    const h = await harness.start({
      clock: "2026-11-25T04:00:00Z",
      channels: [{ id: THREAD_ID, name: "weekly-thread", type: 11, parentId: CHANNEL_ID }],
    });
    await h.services.collector.collect();
    expect(await setDigest(h, { channel: THREAD_ID })).toMatch(/Digest #1/);
    await digest(h, "send-now", 1);
    expect(postsIn(h, THREAD_ID)).toHaveLength(1);
    expect(postsIn(h, CHANNEL_ID)).toEqual([]);
  });
});
