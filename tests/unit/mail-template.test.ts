import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ApplicationRenewalOutcomeEmail } from "@/emails/application-renewal-outcome";
import { previewBranding } from "@/emails/components/preview-branding";
import { RenewalNoticeEmail } from "@/emails/renewal-notice";
import { renderEmail } from "@/lib/mail/render";
import { compileEmail } from "@/lib/mail/template";

/** Values a candidate or an admin could have typed, and what React must escape. */
const hostile = [
  "AESH EN PIAL INTER-DEGRE",
  `<script>alert("x")</script> & 'co'`,
  "Lycée « Pasteur » — 1er degré",
  "§123456789000§ $& $1 $$",
  "http://localhost:3000/renouvellement/abc?x=1&y=<2>",
];

describe("a mail rendered once and filled per recipient", () => {
  it("is byte for byte the mail a render with the same values gives, escaping included (notice)", async () => {
    const template = await compileEmail(["postType", "submittedOn", "validUntil", "deadline", "keepUrl"], (slots) =>
      createElement(RenewalNoticeEmail, { branding: previewBranding, validityMonths: 6, ...slots }),
    );
    for (const value of hostile) {
      const values = { postType: value, submittedOn: "29/05/2026", validUntil: "29/11/2026", deadline: "30/12/2026", keepUrl: value.startsWith("http") ? value : `http://localhost:3000/renouvellement/${encodeURIComponent(value)}` };
      const direct = await renderEmail(createElement(RenewalNoticeEmail, { branding: previewBranding, validityMonths: 6, ...values }));
      const filled = template.fill(values);
      expect(filled.html).toBe(direct.html);
      expect(filled.text).toBe(direct.text);
      expect(filled.html).not.toContain("<script>");
    }
  });

  it("is the same for the deletion mail, whose only variable is the post type", async () => {
    const fixed = { branding: previewBranding, outcome: "deleted" as const, date: "30/12/2026", spaceUrl: "http://localhost:3000/candidatures" };
    const template = await compileEmail(["postType"], ({ postType }) => createElement(ApplicationRenewalOutcomeEmail, { ...fixed, postType }));
    for (const postType of hostile) {
      const direct = await renderEmail(createElement(ApplicationRenewalOutcomeEmail, { ...fixed, postType }));
      expect(template.fill({ postType })).toEqual(direct);
    }
  });

  it("refuses a template that drops a value (it would send a mail without it)", async () => {
    await expect(compileEmail(["postType", "missing"], ({ postType }) => createElement(RenewalNoticeEmail, { branding: previewBranding, validityMonths: 6, postType, submittedOn: "", validUntil: "", deadline: "", keepUrl: "http://x" }))).rejects.toThrow(/missing/);
  });
});
