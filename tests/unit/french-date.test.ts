import { describe, expect, it } from "vitest";
import { normalizeFrenchDate, parseFrenchDate } from "@/lib/format/date";

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
