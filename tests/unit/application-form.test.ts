import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { applicationFormSchema } from "@/lib/applications/form-schema";
import { rqthOptions, type RawApplicationForm } from "@/lib/applications/form-fields";
import { rqthStatus } from "@/lib/db/schema";
import { addMonths } from "@/lib/format/date";

const schema = applicationFormSchema({ maxZoneWishes: 3, maxWorkingTimeWishes: 2 });
const blank: RawApplicationForm = { postTypeId: "", teachingType1: "", teachingType2: "", zones: [], workingTimes: [], rqth: "", university: "", component: "", program: "", curriculum: "", level: "", ine: "" };
const errorsOf = (input: Partial<RawApplicationForm>) => {
  const result = schema.safeParse({ ...blank, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

describe("application form", () => {
  it("accepts an empty form, as the guide does (completeness is reported on the page)", () => {
    expect(schema.parse(blank)).toMatchObject({ teachingType1: null, zones: [], rqth: null, ine: null });
  });

  it.each(["2068113589L", "123456789AB", "0A1B2C3D4E5", "2068 113 589l"])("accepts the INE %s", (ine) => {
    expect(errorsOf({ ine })).toEqual({});
  });

  it.each(["2068113589", "2068113589LL", "ABCDEFGHIJK", "20681135-9L"])("refuses the INE %s with the expected format", (ine) => {
    expect(errorsOf({ ine }).ine).toMatch(/^L'INE compte 11 caractères/);
  });

  it("refuses duplicate or too many wishes", () => {
    const zone = randomUUID();
    expect(errorsOf({ zones: [zone, zone] }).zones).toBe("Chaque zone ne peut être choisie qu'une fois.");
    expect(errorsOf({ zones: [randomUUID(), randomUUID(), randomUUID(), randomUUID()] }).zones).toBe("Vous pouvez indiquer au plus 3 zones.");
    expect(errorsOf({ workingTimes: [randomUUID(), randomUUID(), randomUUID()] }).workingTimes).toBe("Vous pouvez indiquer au plus 2 quotités.");
  });

  it("refuses a choice 2 without a choice 1, and values that are not from the lists", () => {
    expect(errorsOf({ teachingType2: randomUUID() }).teachingType1).toBe("Indiquez d'abord votre choix 1.");
    expect(errorsOf({ teachingType1: "AESH" }).teachingType1).toBe("Choisissez une valeur dans la liste.");
    expect(errorsOf({ rqth: "peut-être" }).rqth).toBeDefined();
    expect(errorsOf({ level: "Bac+12" }).level).toBeDefined();
  });
});

describe("the RQTH answers", () => {
  it("are the ones the form offers, the schema accepts and the database stores", () => {
    const offered = rqthOptions.map((option) => option.value);
    for (const value of offered) expect(errorsOf({ rqth: value })).toEqual({});
    expect([...rqthStatus.enumValues].sort()).toEqual([...offered].sort());
  });
});

describe("addMonths", () => {
  it.each([
    ["2026-11-29", 6, "2027-05-29"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2026-12-15", 1, "2027-01-15"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});
