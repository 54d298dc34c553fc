import { describe, expect, it } from "vitest";
import { missingItems, type CompletenessInput, type SectionRequirements } from "@/lib/applications/completeness";
import { nextStep } from "@/lib/applications/status";

const empty: Omit<CompletenessInput, "requirements"> = {
  teachingTypeCount: 0,
  zoneCount: 0,
  workingTimeCount: 0,
  university: null,
  curriculum: null,
  level: null,
  attachments: [],
};
const filled: Omit<CompletenessInput, "requirements"> = {
  teachingTypeCount: 2,
  zoneCount: 1,
  workingTimeCount: 1,
  university: "CERGY PONTOISE",
  curriculum: "MEEF",
  level: "Master 2e année (M2)",
  attachments: [],
};
const none: SectionRequirements = { teachingType: false, zone: false, workingTime: false, university: false };
const all: SectionRequirements = { teachingType: true, zone: true, workingTime: true, university: true };
const messages = (input: CompletenessInput) => missingItems(input).map((item) => item.message);

describe("missingItems", () => {
  it("lists the guide's six sentences, in the guide's order, for an empty application needing everything", () => {
    expect(messages({ requirements: all, ...empty })).toEqual([
      "Veuillez indiquer un type d'enseignement",
      "Veuillez indiquer votre université d'inscription",
      "Veuillez indiquer votre cursus",
      "Veuillez indiquer votre niveau d'inscription",
      "Veuillez indiquer une zone",
      "Veuillez indiquer une quotité",
    ]);
  });

  it("asks nothing of a section the post type does not require", () => {
    expect(messages({ requirements: none, ...empty })).toEqual([]);
  });

  it("with the seeded AESH configuration, leaves the university section optional", () => {
    const aesh = { teachingType: true, zone: true, workingTime: true, university: false };
    expect(messages({ requirements: aesh, ...empty })).toEqual([
      "Veuillez indiquer un type d'enseignement",
      "Veuillez indiquer une zone",
      "Veuillez indiquer une quotité",
    ]);
    expect(messages({ requirements: aesh, ...filled, university: null, curriculum: null, level: null })).toEqual([]);
  });

  it.each([
    ["teachingType", { teachingTypeCount: 0 }, "Veuillez indiquer un type d'enseignement"],
    ["zone", { zoneCount: 0 }, "Veuillez indiquer une zone"],
    ["workingTime", { workingTimeCount: 0 }, "Veuillez indiquer une quotité"],
    ["university", { university: "  " }, "Veuillez indiquer votre université d'inscription"],
    ["university", { curriculum: "" }, "Veuillez indiquer votre cursus"],
    ["university", { level: null }, "Veuillez indiquer votre niveau d'inscription"],
  ] as const)("requiring only %s, reports only its missing item", (section, gap, message) => {
    const requirements = { ...none, [section]: true };
    expect(messages({ requirements, ...filled })).toEqual([]);
    expect(messages({ requirements, ...filled, ...gap })).toEqual([message]);
    // The same gap in a section that is not required is not reported.
    expect(messages({ requirements: none, ...filled, ...gap })).toEqual([]);
  });

  it("adds one line per missing required attachment, none for optional or present ones", () => {
    const attachments = [
      { label: "Pièce d'identité", required: true, present: false },
      { label: "CV", required: false, present: false },
      { label: "Attestation", required: true, present: true },
      { label: "Justificatif de domicile", required: true, present: false },
    ];
    expect(messages({ requirements: all, ...filled, attachments })).toEqual(["Veuillez joindre : Pièce d'identité", "Veuillez joindre : Justificatif de domicile"]);
    expect(missingItems({ requirements: all, ...filled, attachments }).map((item) => item.key)).toEqual(["attachment:Pièce d'identité", "attachment:Justificatif de domicile"]);
  });

  it("is complete when every required section is filled and every required file is there", () => {
    expect(missingItems({ requirements: all, ...filled, attachments: [{ label: "Pièce d'identité", required: true, present: true }] })).toEqual([]);
  });
});

describe("Et maintenant ? (the dashboard's next step)", () => {
  const missing = [{ key: "zone", message: "Veuillez indiquer une zone" }];
  it("asks to file, to complete, to wait, or says nothing is open any more", () => {
    expect(nextStep([])).toEqual({ kind: "file" });
    expect(nextStep([{ status: "submitted", missing }, { status: "in_review", missing: [] }])).toEqual({ kind: "complete", incomplete: 1 });
    expect(nextStep([{ status: "in_review", missing: [] }])).toEqual({ kind: "wait", open: 1 });
    // A withdrawn or decided application has nothing left to complete, and is not "complète".
    expect(nextStep([{ status: "withdrawn", missing }])).toEqual({ kind: "closed" });
    expect(nextStep([{ status: "rejected", missing }, { status: "recruited", missing: [] }])).toEqual({ kind: "closed" });
    expect(nextStep([{ status: "withdrawn", missing }, { status: "submitted", missing: [] }])).toEqual({ kind: "wait", open: 1 });
  });
});
