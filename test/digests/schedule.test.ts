import { describe, expect, it } from "vitest";
import {
  DAY_NAMES,
  type DigestSchedule,
  latestOccurrenceAtOrBefore,
  nextPostTimes,
  parseDay,
  parseTime,
  periodOf,
} from "../../src/services/digests/schedule.js";

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe("parseDay", () => {
  it.each([
    ["mon", "mon"],
    ["Monday", "mon"],
    ["SUN", "sun"],
    [" wednesday ", "wed"],
    ["周一", "mon"],
    ["星期日", "sun"],
    ["星期天", "sun"],
  ])("reads %s as %s", (input, day) => {
    expect(parseDay(input)).toBe(day);
  });

  it.each(["", "0", "1", "mo", "mondays", "周八"])("refuses %j", (input) => {
    expect(parseDay(input)).toBeNull();
  });
});

describe("parseTime", () => {
  it.each([
    ["09:00", "09:00"],
    ["9:05", "09:05"],
    ["00:00", "00:00"],
    ["23:59", "23:59"],
    [" 18:30 ", "18:30"],
  ])("reads %s as %s", (input, time) => {
    expect(parseTime(input)).toBe(time);
  });

  it.each(["24:00", "12:60", "9", "9am", "09:00:00", "-1:00", "09:5", "9.00", ""])("refuses %j", (input) => {
    expect(parseTime(input)).toBeNull();
  });
});

describe("nextPostTimes", () => {
  const after = new Date("2026-10-25T12:00:00Z");

  it("gives Mondays 09:00 in Shanghai (no DST) as 01:00 UTC across the US/EU clock change", () => {
    const schedule: DigestSchedule = { day: "mon", time: "09:00", timezone: "Asia/Shanghai" };
    expect(iso(nextPostTimes(schedule, after, 3))).toEqual([
      "2026-10-26T01:00:00.000Z",
      "2026-11-02T01:00:00.000Z",
      "2026-11-09T01:00:00.000Z",
    ]);
  });

  it("gives Mondays 09:00 in New York as 13:00 UTC before Nov 1, 2026 and 14:00 UTC after", () => {
    const schedule: DigestSchedule = { day: "mon", time: "09:00", timezone: "America/New_York" };
    expect(iso(nextPostTimes(schedule, after, 3))).toEqual([
      "2026-10-26T13:00:00.000Z",
      "2026-11-02T14:00:00.000Z",
      "2026-11-09T14:00:00.000Z",
    ]);
  });

  it("is strictly after its reference", () => {
    const schedule: DigestSchedule = { day: "mon", time: "09:00", timezone: "Asia/Shanghai" };
    expect(iso(nextPostTimes(schedule, new Date("2026-10-26T01:00:00Z"), 1))).toEqual([
      "2026-11-02T01:00:00.000Z",
    ]);
  });

  it("posts once on the fall-back day, when 01:30 happens twice (Nov 1, 2026 in New York)", () => {
    const schedule: DigestSchedule = { day: "sun", time: "01:30", timezone: "America/New_York" };
    const times = nextPostTimes(schedule, new Date("2026-10-30T00:00:00Z"), 3);
    // 01:30 EDT (05:30Z) is the first 01:30; 01:30 EST (06:30Z) the second, which must not fire.
    expect(iso(times)).toEqual([
      "2026-11-01T05:30:00.000Z",
      "2026-11-08T06:30:00.000Z",
      "2026-11-15T06:30:00.000Z",
    ]);
  });

  it("posts once on the spring-forward day, when 02:30 does not exist (Mar 8, 2026 in New York)", () => {
    const schedule: DigestSchedule = { day: "sun", time: "02:30", timezone: "America/New_York" };
    const times = nextPostTimes(schedule, new Date("2026-02-28T00:00:00Z"), 3);
    // 02:00 EST jumps to 03:00 EDT; croner moves the 02:30 post forward by the gap, to 03:30 EDT.
    expect(iso(times)).toEqual([
      "2026-03-01T07:30:00.000Z",
      "2026-03-08T07:30:00.000Z",
      "2026-03-15T06:30:00.000Z",
    ]);
    expect(times.map((time) => periodOf(schedule, time))).toEqual(["2026-W09", "2026-W10", "2026-W11"]);
  });

  it("posts once on London's spring-forward day at a time inside the gap", () => {
    const schedule: DigestSchedule = { day: "sun", time: "01:30", timezone: "Europe/London" };
    const times = nextPostTimes(schedule, new Date("2026-03-28T00:00:00Z"), 2);
    expect(iso(times)).toEqual(["2026-03-29T01:30:00.000Z", "2026-04-05T00:30:00.000Z"]);
  });

  it("refuses a schedule the store would not hold", () => {
    const after = new Date("2026-01-01T00:00:00Z");
    expect(() => nextPostTimes({ day: "mon", time: "9:00", timezone: "UTC" }, after, 1)).toThrow(/HH:MM/);
    expect(() => nextPostTimes({ day: "mon", time: "09:00", timezone: "Mars/Olympus" }, after, 1)).toThrow(
      /time zone/,
    );
  });
});

describe("latestOccurrenceAtOrBefore", () => {
  const schedule: DigestSchedule = { day: "mon", time: "09:00", timezone: "Asia/Shanghai" };

  it("counts an occurrence exactly at now, and still within the same second", () => {
    expect(latestOccurrenceAtOrBefore(schedule, new Date("2026-11-30T01:00:00.000Z")).toISOString()).toBe(
      "2026-11-30T01:00:00.000Z",
    );
    expect(latestOccurrenceAtOrBefore(schedule, new Date("2026-11-30T01:00:00.500Z")).toISOString()).toBe(
      "2026-11-30T01:00:00.000Z",
    );
  });

  it("gives last week's occurrence a millisecond before this week's", () => {
    expect(latestOccurrenceAtOrBefore(schedule, new Date("2026-11-30T00:59:59.999Z")).toISOString()).toBe(
      "2026-11-23T01:00:00.000Z",
    );
  });

  it("agrees with nextPostTimes on DST days, so a post time is the same whichever way it is found", () => {
    const cases: [DigestSchedule, string][] = [
      [{ day: "sun", time: "02:30", timezone: "America/New_York" }, "2026-03-01T00:00:00Z"],
      [{ day: "sun", time: "01:30", timezone: "America/New_York" }, "2026-10-25T12:00:00Z"],
      [{ day: "sun", time: "01:30", timezone: "Europe/London" }, "2026-03-22T12:00:00Z"],
    ];
    for (const [dstSchedule, from] of cases) {
      for (const occurrence of nextPostTimes(dstSchedule, new Date(from), 3)) {
        expect(latestOccurrenceAtOrBefore(dstSchedule, occurrence).toISOString()).toBe(
          occurrence.toISOString(),
        );
        const hourLater = new Date(occurrence.getTime() + 3_600_000);
        expect(latestOccurrenceAtOrBefore(dstSchedule, hourLater).toISOString()).toBe(
          occurrence.toISOString(),
        );
      }
    }
  });

  it("gives the first 01:30 after the second 01:30 of a fall-back day has passed", () => {
    const fallBack: DigestSchedule = { day: "sun", time: "01:30", timezone: "America/New_York" };
    expect(latestOccurrenceAtOrBefore(fallBack, new Date("2026-11-01T06:45:00Z")).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });
});

describe("periodOf", () => {
  it("is the ISO week of the occurrence's date in the digest's zone", () => {
    const instant = new Date("2026-11-29T20:00:00Z"); // Mon 04:00 in Shanghai, Sun 15:00 in New York
    expect(periodOf({ timezone: "Asia/Shanghai" }, instant)).toBe("2026-W49");
    expect(periodOf({ timezone: "America/New_York" }, instant)).toBe("2026-W48");
  });

  it("uses the ISO week-numbering year at year ends", () => {
    expect(periodOf({ timezone: "UTC" }, new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(periodOf({ timezone: "UTC" }, new Date("2027-01-03T23:59:59Z"))).toBe("2026-W53");
    expect(periodOf({ timezone: "UTC" }, new Date("2027-01-04T00:00:00Z"))).toBe("2027-W01");
    expect(periodOf({ timezone: "UTC" }, new Date("2021-01-03T12:00:00Z"))).toBe("2020-W53");
  });

  it("gives every weekday and time of one local week the same period, in zones either side of UTC", () => {
    const zones = ["Asia/Shanghai", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"];
    for (const timezone of zones) {
      const periods = new Set<string>();
      // Just before local Monday, Nov 30 begins: the next occurrence of any weekday is in that week.
      const [monday] = nextPostTimes(
        { day: "mon", time: "00:00", timezone },
        new Date("2026-11-28T00:00:00Z"),
        1,
      );
      if (monday === undefined) throw new Error("no Monday");
      const weekStart = new Date(monday.getTime() - 1);
      for (const day of DAY_NAMES) {
        for (const time of ["00:00", "09:00", "23:59"]) {
          const [occurrence] = nextPostTimes({ day, time, timezone }, weekStart, 1);
          if (occurrence === undefined) throw new Error("no occurrence");
          periods.add(periodOf({ timezone }, occurrence));
        }
      }
      expect([...periods], timezone).toEqual(["2026-W49"]);
    }
  });

  it("gives consecutive weekly occurrences consecutive periods, DST changes included", () => {
    const schedule: DigestSchedule = { day: "sun", time: "01:30", timezone: "America/New_York" };
    const periods = nextPostTimes(schedule, new Date("2026-10-18T00:00:00Z"), 4).map((time) =>
      periodOf(schedule, time),
    );
    expect(periods).toEqual(["2026-W42", "2026-W43", "2026-W44", "2026-W45"]);
  });
});
