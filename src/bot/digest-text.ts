import type { Digest, DigestStore } from "../services/digests/digest-store.js";
import type { DayName } from "../services/digests/schedule.js";
import { upcomingPosts } from "../services/digests/upcoming.js";
import { regionLabel } from "../services/format/locale.js";

const DAY_LABELS: Record<DayName, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

const LANGUAGE_LABELS: Record<Digest["language"], string> = {
  "en-US": "English",
  "zh-CN": "Chinese (简体中文)",
};

/** "every Monday at 09:00 (Asia/Shanghai)". */
export function describeSchedule(digest: Pick<Digest, "day" | "time" | "timezone">): string {
  return `every ${DAY_LABELS[digest.day]} at ${digest.time} (${digest.timezone})`;
}

/** "all regions, in English" / "China, in Chinese (简体中文)". */
export function describeContent(digest: Pick<Digest, "region" | "language">): string {
  const about = digest.region === null ? "all regions" : regionLabel(digest.region, "en-US");
  return `${about}, in ${LANGUAGE_LABELS[digest.language]}`;
}

/** A Discord timestamp: every reader sees it in their own time zone. */
export function stamp(at: Date | string, style: "F" | "f" | "R" = "F"): string {
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** The wall-clock time in the digest's zone, for the admin who set it: "Mon, Nov 30, 2026, 09:00". */
export function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
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
 * The next post times as bullet lines, each as a Discord timestamp (the reader's zone) and as
 * the wall clock of the digest's zone, so nobody has to convert.
 */
export function upcomingLines(digest: Digest, store: DigestStore, now: Date, count: number): string[] {
  return upcomingPosts(digest, now, count, (period) => store.getDelivery(digest.id, period)).map(
    ({ at }) => `• ${stamp(at)} (${localTime(at, digest.timezone)} ${digest.timezone})`,
  );
}
