import type { Message } from "../../locales/index.js";

/**
 * Dates a person types or a file carries, read strictly: ISO 8601 calendar dates only, so that a
 * typo cannot land a snapshot on the wrong day. `Date.parse` is not used: it accepts `08/07/2026`
 * (read as August or July depending on who wrote it) and rolls `2026-02-30` over to 2 March.
 *
 * Accepted: `2026-05-04` (midnight UTC), `2026-05-04T12:00Z`, `2026-05-04T12:00:00Z`,
 * `2026-05-04T12:00:00.123Z`, and the same with an offset (`+08:00`, `-0500`). A date-time without
 * a zone is refused: whose noon it is cannot be known.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The instant, or a message saying why the text is not one (written in the reader's locale later). */
export type StrictDateResult = { ok: true; date: Date } | { ok: false; reason: Message };

export function parseStrictIsoDate(text: string): StrictDateResult {
  const value = text.trim();
  const dateOnly = ISO_DATE.exec(value);
  const dateTime = dateOnly === null ? ISO_DATE_TIME.exec(value) : null;
  const parts = dateOnly ?? dateTime;
  if (parts === null) {
    return {
      ok: false,
      reason: /^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value)
        ? { key: "import.date.needs-zone", args: [] }
        : { key: "import.date.not-iso", args: [] },
    };
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12) {
    return { ok: false, reason: { key: "import.date.no-month", args: [{ month: parts[2] ?? "" }] } };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    const yearMonth = `${parts[1]}-${parts[2]}`;
    return { ok: false, reason: { key: "import.date.no-day", args: [{ yearMonth, day: parts[3] ?? "" }] } };
  }
  if (dateTime === null) return { ok: true, date: new Date(Date.UTC(year, month - 1, day)) };
  const [hour, minute, second] = [Number(dateTime[4]), Number(dateTime[5]), Number(dateTime[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) {
    const time = `${dateTime[4]}:${dateTime[5]}:${dateTime[6] ?? "00"}`;
    return { ok: false, reason: { key: "import.date.no-time", args: [{ time }] } };
  }
  const millis = Number((dateTime[7] ?? "0").padEnd(3, "0").slice(0, 3));
  const zone = dateTime[8] ?? "Z";
  const offsetMinutes = zone === "Z" ? 0 : zoneMinutes(zone);
  if (offsetMinutes === null)
    return { ok: false, reason: { key: "import.date.no-offset", args: [{ zone }] } };
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { ok: true, date: new Date(utc) };
}

function zoneMinutes(zone: string): number | null {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (match === null) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}
