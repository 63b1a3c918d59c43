import { Cron } from "croner";

/** Days of the week as stored and shown: short English names, Monday first (ISO order). */
export const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type DayName = (typeof DAY_NAMES)[number];

/** When a digest posts: a weekday and a wall-clock time in an IANA time zone. */
export interface DigestSchedule {
  day: DayName;
  /** 24-hour `HH:MM`, as {@link parseTime} returns it. */
  time: string;
  /** IANA zone name, as `resolveTimeZone` returns it. */
  timezone: string;
}

const LONG_NAMES: Record<string, DayName> = {
  monday: "mon",
  tuesday: "tue",
  wednesday: "wed",
  thursday: "thu",
  friday: "fri",
  saturday: "sat",
  sunday: "sun",
};

// The bot also speaks zh-CN; admins type 周一 / 星期一 as naturally as "mon".
const CHINESE_DAYS: Record<string, DayName> = {
  一: "mon",
  二: "tue",
  三: "wed",
  四: "thu",
  五: "fri",
  六: "sat",
  日: "sun",
  天: "sun",
};

/** croner's (and cron's) day-of-week numbers: Sunday is 0. */
const CRON_DAY: Record<DayName, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** True for a stored day name (`mon`…`sun`), exactly as stored. */
export function isDayName(value: string): value is DayName {
  return (DAY_NAMES as readonly string[]).includes(value);
}

/**
 * Reads a weekday as an admin might type it: `mon`, `Monday`, `MON`, `周一`, `星期一`.
 * Returns null for anything else (including numbers, whose meaning — is 0 Sunday or Monday? — is
 * not obvious to a reader of the command).
 */
export function parseDay(input: string): DayName | null {
  const text = input.trim().toLowerCase();
  if (isDayName(text)) return text;
  const long = LONG_NAMES[text];
  if (long !== undefined) return long;
  const chinese = /^(?:周|星期|礼拜)(.)$/u.exec(text);
  return chinese?.[1] === undefined ? null : (CHINESE_DAYS[chinese[1]] ?? null);
}

/**
 * Reads a 24-hour wall-clock time, `HH:MM` or `H:MM` (00:00–23:59), and returns it as `HH:MM`.
 * Returns null for anything else, including `24:00` and 12-hour forms: a digest time is shown
 * back to admins in one unambiguous form.
 */
export function parseTime(input: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(input.trim());
  if (match === null) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/**
 * The weekly cron job for a schedule. croner does the calendar and time-zone work, DST included:
 * a time that does not exist on a spring-forward day (02:30 when clocks jump from 02:00 to 03:00)
 * fires once, shifted forward by the gap (03:30); a time that happens twice on a fall-back day
 * fires once, at its first (daylight-time) instance. The job has no callback, so it never starts a
 * timer: it is only asked for dates.
 */
function weeklyCron(schedule: DigestSchedule): Cron {
  const time = parseTime(schedule.time);
  if (time === null || time !== schedule.time) {
    throw new RangeError(`Digest time must be HH:MM (24-hour), got "${schedule.time}"`);
  }
  if (!isDayName(schedule.day)) throw new RangeError(`Unknown digest day "${schedule.day}"`);
  checkTimeZone(schedule.timezone);
  const [hour, minute] = time.split(":").map(Number);
  return new Cron(`${minute} ${hour} * * ${CRON_DAY[schedule.day]}`, {
    timezone: schedule.timezone,
    mode: "5-part",
  });
}

function checkTimeZone(timezone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw new RangeError(`Unknown time zone "${timezone}"`);
  }
}

/** The next `count` post times strictly after `after`, oldest first. */
export function nextPostTimes(schedule: DigestSchedule, after: Date, count: number): Date[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number, got ${count}`);
  }
  if (count === 0) return [];
  return weeklyCron(schedule).nextRuns(count, after);
}

/**
 * The most recent post time at or before `now` (an occurrence exactly at `now` counts).
 *
 * croner's `previousRuns` is strictly before its reference and compares with milliseconds, so
 * it would miss an occurrence at 09:00:00.000 when asked at 09:00:00.500. Asking for the next run
 * after the previous whole second first catches that case.
 */
export function latestOccurrenceAtOrBefore(schedule: DigestSchedule, now: Date): Date {
  const cron = weeklyCron(schedule);
  const secondBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - 1000);
  const candidate = cron.nextRun(secondBefore);
  if (candidate !== null && candidate.getTime() <= now.getTime()) return candidate;
  const [previous] = cron.previousRuns(1, now);
  if (previous === undefined) {
    throw new RangeError(`No occurrence of the digest schedule before ${now.toISOString()}`);
  }
  return previous;
}

/**
 * The delivery period an instant belongs to: its ISO week (`2026-W48`) on the calendar of the
 * digest's own time zone.
 *
 * A weekly digest posts at most once per period, and the period does not depend on the day or
 * time setting, so moving the post from Monday to Friday after Monday's post does not make a
 * second post that week. The occurrence always falls on the configured local weekday, so its
 * local ISO week is the same whichever side of UTC the zone is on.
 */
export function periodOf(schedule: Pick<DigestSchedule, "timezone">, instant: Date): string {
  const { year, month, day } = localDate(schedule.timezone, instant);
  const { isoYear, week } = isoWeek(year, month, day);
  return `${isoYear}-W${String(week).padStart(2, "0")}`;
}

function localDate(timezone: string, instant: Date): { year: number; month: number; day: number } {
  checkTimeZone(timezone);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone,
    calendar: "gregory",
    numberingSystem: "latn",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = parts.find((p) => p.type === type)?.value;
    if (value === undefined) {
      throw new Error(`Intl gave no ${type} for ${instant.toISOString()} in ${timezone}`);
    }
    return Number(value);
  };
  return { year: part("year"), month: part("month"), day: part("day") };
}

/**
 * ISO 8601 week of a calendar date. Pure calendar arithmetic on a date with no time of day (UTC
 * is used only as a zone-free calendar): the week's Thursday decides its year.
 */
function isoWeek(year: number, month: number, day: number): { isoYear: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const isoDay = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  date.setUTCDate(date.getUTCDate() + 4 - isoDay);
  const isoYear = date.getUTCFullYear();
  const dayOfYear = (date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000;
  return { isoYear, week: Math.floor(dayOfYear / 7) + 1 };
}
