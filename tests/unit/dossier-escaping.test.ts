import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dossierSummaryHtml } from "@/lib/staff/dossier";
import type { StaffCandidature } from "@/lib/staff/candidature";

/** A candidature whose every free text is `text` (what a candidate or staff member typed). */
function candidatureWith(text: string): StaffCandidature {
  const ranked = [{ label: text }];
  return {
    candidate: {
      name: text, civility: text, usageName: text, birthName: text, firstName: text, birthDate: "1990-07-14", birthPlace: text,
      nationality: text, identifier: text, email: text, phone: text, misc: text,
    },
    application: {
      postType: { label: text }, status: "submitted", missing: [{ message: text }], submittedAt: new Date("2026-11-02T10:00:00Z"), validUntil: "2027-05-02",
      teachingTypes: ranked, zones: ranked, workingTimes: ranked, university: text, component: text, program: text, curriculum: text, level: text, ine: text,
      attachments: [{ label: text, file: { name: text, size: 1234 } }],
    },
    diplomas: [{ label: text, diplomaType: { label: text }, obtainedOn: "2010-07-01", institution: text, city: text, countryName: text, file: null }],
    history: [{ at: new Date("2026-11-03T10:00:00Z"), title: text, detail: text, actor: text }],
  } as unknown as StaffCandidature;
}

/** The markup of the page: its tags and attributes, without the text between them. */
const markup = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe("issue 13: stored text is escaped in the printable dossier", () => {
  it("whatever was typed, the dossier's markup is the template's and the text reads back as typed", () => {
    const reference = markup(dossierSummaryHtml(candidatureWith("Camille")));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 60 }),
          fc.constantFrom("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</td></tr></table><h1>faux</h1>", "&lt;déjà échappé&gt;", "' onmouseover='x"),
        ),
        (typed) => {
          const html = dossierSummaryHtml(candidatureWith(typed));
          expect(markup(html)).toEqual(reference);
          const decoded = html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
          if (typed.trim()) expect(decoded).toContain(typed);
        },
      ),
      { numRuns: 300, seed: 20261130 },
    );
  });
});
