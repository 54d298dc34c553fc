import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diplomaFormSchema } from "@/lib/diplomas/form-schema";
import { type RawDiplomaForm } from "@/lib/diplomas/form-fields";

const schema = diplomaFormSchema({ today: "2026-11-29", birthDate: "1990-07-14", isCountry: (code) => ["FR", "BE", "BH"].includes(code) });
const valid: RawDiplomaForm = {
  label: "Bac Pro ASSP",
  diplomaTypeId: randomUUID(),
  obtainedOn: "01/07/2008",
  institution: "Lycée Pasteur",
  country: "FR",
  city: "Lille",
  fileId: "",
  removeFile: false,
};
const errorsOf = (input: Partial<RawDiplomaForm>) => {
  const result = schema.safeParse({ ...valid, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

describe("diploma form", () => {
  it("accepts a complete diploma and stores the date as ISO", () => {
    expect(schema.parse(valid)).toMatchObject({ obtainedOn: "2008-07-01", fileId: null });
    expect(schema.parse({ ...valid, obtainedOn: "" }).obtainedOn).toBeNull();
  });

  it.each([
    ["31/02/2020", "Indiquez une date réelle au format JJ/MM/AAAA, par exemple 01/07/2015."],
    ["2020-02-01", "Indiquez une date réelle au format JJ/MM/AAAA, par exemple 01/07/2015."],
    ["30/11/2026", "La date d'obtention ne peut pas être dans le futur."],
    ["13/07/1990", "La date d'obtention ne peut pas être antérieure à votre date de naissance."],
  ])("refuses the date %s", (obtainedOn, message) => {
    expect(errorsOf({ obtainedOn })).toEqual({ obtainedOn: message });
  });

  it("accepts today and the birth date itself", () => {
    expect(errorsOf({ obtainedOn: "29/11/2026" })).toEqual({});
    expect(errorsOf({ obtainedOn: "14/07/1990" })).toEqual({});
  });

  it("names every missing required field", () => {
    expect(Object.keys(errorsOf({ label: " ", diplomaTypeId: "", institution: "", country: "", city: "" })).sort()).toEqual(
      ["city", "country", "diplomaTypeId", "institution", "label"].sort(),
    );
    expect(errorsOf({ country: "XX" })).toEqual({ country: "Choisissez le pays dans la liste." });
  });
});
