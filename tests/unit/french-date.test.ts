import { describe, expect, it } from "vitest";
import { formatFrenchDate, normalizeFrenchDate, parseFrenchDate, todayIso } from "@/lib/format/date";

describe("dates typed as JJ/MM/AAAA", () => {
  // A phone's numeric keypad has no "/": people type digits, spaces, dots or dashes.
  it.each(["17/05/1990", "17051990", "17 05 1990", "17-05-1990", "17.05.1990", " 17 / 5 / 1990 ", "17/5/1990"])("reads %j as 1990-05-17", (typed) => {
    expect(parseFrenchDate(typed)).toBe("1990-05-17");
    expect(normalizeFrenchDate(typed)).toBe("17/05/1990");
  });

  it.each(["31/02/2020", "31022020", "1990-05-17", "17/05/90", "170590", "1705199", "17/05/1990/1", "17_05_1990", "", "aa/bb/cccc"])(
    "refuses %j and leaves it as typed",
    (typed) => {
      expect(parseFrenchDate(typed)).toBeNull();
      expect(normalizeFrenchDate(typed)).toBe(typed);
    },
  );
});

describe("dates shown as JJ/MM/AAAA", () => {
  it("shows a moment as its day in Paris, not in UTC", () => {
    // 00:30 in Paris on 1 December (winter, UTC+1) is still 30 November in UTC.
    expect(formatFrenchDate(new Date("2026-11-30T23:30:00Z"))).toBe("01/12/2026");
    // Summer time (UTC+2).
    expect(formatFrenchDate(new Date("2026-06-30T22:30:00Z"))).toBe("01/07/2026");
    expect(formatFrenchDate("2026-12-01")).toBe("01/12/2026");
  });

  it("gives every moment its Paris day, around the changes of summer time and in any order", () => {
    const paris = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });
    // Every 10 minutes of the days around both changes of 2026 (29 March, 25 October) and of a
    // winter and a summer evening, read forwards, then backwards, then hours interleaved.
    const moments: Date[] = [];
    for (const start of ["2026-03-28T20:00:00Z", "2026-10-24T20:00:00Z", "2026-11-30T20:00:00Z", "2026-06-30T20:00:00Z"]) {
      for (let minutes = 0; minutes < 36 * 60; minutes += 10) moments.push(new Date(Date.parse(start) + minutes * 60_000));
    }
    const interleaved = moments.map((_, index) => moments[(index * 37) % moments.length]!);
    for (const moment of [...moments, ...moments.toReversed(), ...interleaved]) {
      expect(todayIso(moment), moment.toISOString()).toBe(paris.format(moment));
    }
    expect(todayIso(new Date("2026-10-25T00:59:59Z"))).toBe("2026-10-25");
    expect(todayIso(new Date("2026-03-28T22:59:59Z"))).toBe("2026-03-28");
    expect(todayIso(new Date("2026-03-28T23:00:00Z"))).toBe("2026-03-29");
  });
});
