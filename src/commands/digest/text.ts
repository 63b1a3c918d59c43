import type { Translator } from "../../locales/index.js";
import type { Digest, DigestStore } from "../../services/digests/digest-store.js";
import { upcomingPosts } from "../../services/digests/upcoming.js";
import { regionLabel } from "../../services/format/locale.js";
import { cohortLabel, creditLabel } from "../../services/method/wording.js";

/** "every Monday at 09:00 (Asia/Shanghai)". */
export function describeSchedule(digest: Pick<Digest, "day" | "time" | "timezone">, t: Translator): string {
  return t("digest.schedule", { day: t(`day.${digest.day}`), time: digest.time, timezone: digest.timezone });
}

/** "all regions, in English" / "China, in Chinese (简体中文)". */
export function describeContent(digest: Pick<Digest, "region" | "language">, t: Translator): string {
  const about = digest.region === null ? t("digest.all-regions") : regionLabel(digest.region, t.locale);
  return t("digest.content", { about, language: t(`digest.language.${digest.language}`) });
}

/** "Counting: by base model's developer · all models": how the digest's figures are counted. */
export function describeMethod(digest: Pick<Digest, "by" | "cohort">, t: Translator): string {
  return t("digest.method", {
    by: creditLabel(digest.by, t.locale),
    cohort: cohortLabel(digest.cohort, t.locale),
  });
}

/** A Discord timestamp: every reader sees it in their own time zone. */
export function stamp(at: Date | string, style: "F" | "f" | "R" = "F"): string {
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** The wall-clock time in the digest's zone, for the admin who set it: "Mon, Nov 30, 2026, 09:00". */
export function localTime(at: Date, timeZone: string, t: Translator): string {
  return new Intl.DateTimeFormat(t.locale, {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/** A link that opens a message in Discord. */
export function messageLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

/**
 * A post time as a Discord timestamp (the reader's zone) and as the wall clock of the digest's
 * zone, so that nobody has to convert.
 */
export function postTime(at: Date, digest: Pick<Digest, "timezone">, t: Translator) {
  return { at: stamp(at), local: localTime(at, digest.timezone, t), timezone: digest.timezone };
}

/** The next post times, as bullet lines. */
export async function upcomingLines(
  digest: Digest,
  store: DigestStore,
  now: Date,
  count: number,
  t: Translator,
): Promise<string[]> {
  return (await upcomingPosts(digest, now, count, (period) => store.getDelivery(digest.id, period))).map(
    ({ at }) => t("digest.upcoming", postTime(at, digest, t)),
  );
}
