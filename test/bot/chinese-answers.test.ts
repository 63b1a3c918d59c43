import { describe, expect, it } from "vitest";
import { DIGEST_CHANNELS, digest, NO_ATTACH_CHANNEL_ID, setCommand, setDigest } from "./digest-helpers.js";
import {
  botHarness,
  CHANNEL_ID,
  contentOf,
  embedsOf,
  INTERACTIONS_MODES,
  isEphemeral,
  PLAIN_CHANNEL_ID,
} from "./harness.js";

const ZH = { locale: "zh-CN" };
/** Wednesday 25 November 2026, 12:00 in Shanghai. */
const WEDNESDAY = "2026-11-25T04:00:00.000Z";

// Over the gateway and over the Interactions Endpoint URL alike: one router, one reply path.
describe.each(INTERACTIONS_MODES)("answers to a zh-CN user (%s)", (mode) => {
  const harness = botHarness(mode);
  it("refuse an unknown region in Chinese, with the guess and the valid list", async () => {
    const h = await harness.start();
    const outcome = await h.run("trends", [{ name: "region", type: 3, value: "chna" }], ZH);
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toBe(
      "我不认识地区“chna”。你是不是要找**china**？可用的地区：china、us、europe、asia、other（也可用 cn、usa、eu 等别名）。",
    );
  });

  it("name the missing permissions and the cooldown in Chinese", async () => {
    const h = await harness.start();
    const refused = await h.run("trends", [], { ...ZH, channelId: PLAIN_CHANNEL_ID });
    expect(contentOf(refused.json)).toContain("我无法在此频道发布图表：缺少嵌入链接和附加文件权限。");
    await h.run("trends", [], ZH);
    const again = await h.run("trends", [], ZH);
    expect(contentOf(again.json)).toMatch(/^请等待 [1-5] 秒后再使用 \/trends。$/);
  });

  it("say in Chinese that nothing is stored and the Hub is down", async () => {
    // From the start: the first collection runs while the bot logs in.
    const h = await harness.start({ hubFault: { kind: "500" } });
    await h.bot.collectionTick();
    const outcome = await h.run("trends", [], ZH);
    expect(contentOf(outcome.json)).toMatch(/^暂时无法连接 Hugging Face Hub，而我还没有存储任何数据/);
  });

  it("set up a digest in Chinese: the schedule, the next posts in their zone, what to do next", async () => {
    const h = await harness.start({ clock: WEDNESDAY, channels: DIGEST_CHANNELS });
    const command = setCommand({ day: "thu", time: "09:00", timezone: "Asia/Shanghai", region: "cn" });
    const outcome = await h.run("digest", command.options, { ...command.extra, ...ZH });
    const text = contentOf(outcome.json);
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(text).toContain(
      `周报 #1 已创建：将每周四 09:00（Asia/Shanghai）发布到 <#${CHANNEL_ID}>，内容为中国，语言为英文。`,
    );
    expect(text).toContain("接下来的发布：");
    expect(text).toContain(`• <t:${Date.parse("2026-11-26T01:00:00Z") / 1000}:F>（`);
    expect(text).toContain("`/digest preview id:1` 可立即预览");
  });

  it("refuse a digest in Chinese: a member without Manage Server, a channel without a permission", async () => {
    const h = await harness.start({ channels: DIGEST_CHANNELS });
    const command = setCommand({});
    const member = await h.run("digest", command.options, {
      ...command.extra,
      ...ZH,
      memberPermissions: "3072",
    });
    expect(contentOf(member.json)).toBe("只有拥有**管理服务器**权限的成员才能设置或修改周报。");
    expect(await setDigest(h, { channel: NO_ATTACH_CHANNEL_ID }, ZH)).toBe(
      `我无法在 <#${NO_ATTACH_CHANNEL_ID}> 发布周报：我在该频道缺少附加文件权限。请在 <#${NO_ATTACH_CHANNEL_ID}> 为我的身份组授予附加文件权限（频道设置 → 权限），然后再运行一次。未保存任何内容。`,
    );
    expect(contentOf((await digest(h, "off", 7, ZH)).json)).toBe(
      "本服务器没有周报 #7。`/digest show` 会列出本服务器的周报。",
    );
  });

  it("list the server's digests in Chinese", async () => {
    const h = await harness.start({ clock: WEDNESDAY, channels: DIGEST_CHANNELS });
    await setDigest(h, { day: "fri", time: "18:30", timezone: "Europe/Paris", language: "zh-CN" });
    const [list] = embedsOf((await digest(h, "show", undefined, ZH)).json);
    expect(list?.title).toBe("每周周报（1 / 5）");
    expect(list?.fields?.[0]?.name).toBe("#1 · 开启");
    expect(list?.fields?.[0]?.value).toContain("每周五 18:30（Europe/Paris） · 全部地区，语言为简体中文");
    expect(list?.fields?.[0]?.value).toContain("上次发布：尚无");
    expect(contentOf((await digest(h, "off", 1, ZH)).json)).toContain("周报 #1 已关闭：不再向");
  });
});
