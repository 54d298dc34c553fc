import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { personalDetailsShape } from "@/lib/accounts/personal-details";
import { parseRegistration } from "@/lib/accounts/registration-schema";
import { applicationFormSchema } from "@/lib/applications/form-schema";
import { diplomaFormSchema } from "@/lib/diplomas/form-schema";
import { registrationForm } from "../support/candidates";

/**
 * Whatever a browser (or a replayed request) sends, the messages a candidate may read are
 * French sentences: never zod's English defaults ("Invalid input", "Invalid UUID"…).
 */
const english = /invalid|expected|required|received|too (big|small)|must be|unrecognized/i;
const hostile: unknown[] = ["", "x", "x".repeat(5000), "\u0000", 42, -1, true, null, undefined, [], ["x"], [randomUUID(), "x"], {}, { a: 1 }];

function messagesFor(schema: z.ZodType, valid: Record<string, unknown>): string[] {
  const messages: string[] = [];
  for (const field of Object.keys(valid)) {
    for (const value of hostile) {
      const result = schema.safeParse({ ...valid, [field]: value });
      if (!result.success) messages.push(...result.error.issues.map((issue) => `${field}=${JSON.stringify(value)?.slice(0, 20)} → ${issue.message}`));
    }
  }
  return messages;
}

function expectFrench(messages: string[]) {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.filter((message) => english.test(message.split(" → ")[1]!))).toEqual([]);
}

describe("every message a candidate can get is French", () => {
  it("application form (RQTH, level, wishes, university)", () => {
    const schema = applicationFormSchema({ maxZoneWishes: 5, maxWorkingTimeWishes: 3 });
    expectFrench(
      messagesFor(schema, { teachingType1: "", teachingType2: "", zones: [], workingTimes: [], rqth: "", university: "", component: "", program: "", curriculum: "", level: "", ine: "" }),
    );
  });

  it("diploma form (file id, dates, country)", () => {
    const schema = diplomaFormSchema({ today: "2026-11-30", birthDate: "1990-07-14", isCountry: (code) => code === "FR" });
    expectFrench(
      messagesFor(schema, { label: "Bac", diplomaTypeId: randomUUID(), obtainedOn: "", institution: "Lycée", country: "FR", city: "Lille", fileId: "", removeFile: false }),
    );
  });

  it("personal details (account page)", async () => {
    const { z } = await import("zod");
    const valid = { civility: "madame", usageName: "", birthName: "Flandin", firstName: "Maxime", birthDate: "14/07/1990", birthPlace: "Douai", nationality: "FR", phone: "", misc: "" };
    expectFrench(messagesFor(z.object(personalDetailsShape), valid));
  });

  it("registration form", () => {
    const messages: string[] = [];
    const form = registrationForm({ email: "a@exemple.fr", emailConfirmation: "a@exemple.fr" });
    for (const field of Object.keys(form)) {
      for (const value of hostile.filter((item) => typeof item === "string")) {
        const result = parseRegistration({ ...form, [field]: value } as typeof form);
        if (!result.ok) messages.push(...Object.values(result.errors).map((message) => `${field} → ${message}`));
      }
    }
    expectFrench(messages);
  });
});
