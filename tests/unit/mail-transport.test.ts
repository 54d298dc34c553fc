import { describe, expect, it } from "vitest";
import { createMailer } from "@/lib/mail/transport";

type SmtpOptions = { host: string; port: number; secure: boolean; auth?: { user: string; pass: string }; requireTLS?: boolean; connectionTimeout: number; pool?: boolean };
const options = (url: string, pooled = false) => (createMailer(url, "x@exemple.fr", { pooled }).transport as unknown as { options: SmtpOptions }).options;

describe("SMTP_URL", () => {
  it("keeps the timeouts and the URL's TLS options (nodemailer drops both when given `url`)", () => {
    expect(options("smtp://relais%40ac:p%C3%A0ss@smtp.ac-exemple.fr:587?requireTLS=true")).toMatchObject({
      host: "smtp.ac-exemple.fr",
      port: 587,
      secure: false,
      auth: { user: "relais@ac", pass: "pàss" },
      requireTLS: true,
      connectionTimeout: 10_000,
    });
    expect(options("smtps://u:p@smtp.ac-exemple.fr")).toMatchObject({ port: 465, secure: true });
    expect(options("smtp://127.0.0.1:1025").auth).toBeUndefined();
  });

  it("pools connections for the daily job only", () => {
    expect(options("smtp://127.0.0.1:1025", true).pool).toBe(true);
    expect(options("smtp://127.0.0.1:1025").pool).toBeUndefined();
  });
});
