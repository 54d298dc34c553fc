import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

export type Mailer = { transport: Transporter; from: string };

export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // An SMTP outage must not hold a request for minutes: the outbox retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return { transport, from };
}

const holder = globalThis as typeof globalThis & { __aeshMailer?: Mailer };

export function getMailer(): Mailer {
  holder.__aeshMailer ??= createMailer(env().SMTP_URL, env().MAIL_FROM);
  return holder.__aeshMailer;
}
