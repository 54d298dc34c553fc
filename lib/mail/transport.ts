import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

/** `concurrency`: how many mails to hand it at once (its pool's connections; one otherwise). */
export type Mailer = { transport: Transporter; from: string; concurrency?: number };

const pooledConnections = 5;

/**
 * `pooled`: a few connections kept open and reused (the daily job sends thousands of mails;
 * opening one connection per mail costs more than the mail). Close a pooled mailer when done.
 */
export function createMailer(smtpUrl: string, from: string, options: { pooled?: boolean } = {}): Mailer {
  // Given `url`, nodemailer ignores every other option (timeouts, pool): spell the URL out.
  const url = new URL(smtpUrl);
  const flag = (name: string) => (url.searchParams.has(name) ? url.searchParams.get(name) !== "false" : undefined);
  const secure = url.protocol === "smtps:" || flag("secure") === true;
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // The URL options relays document (smtp://…?requireTLS=true): never send credentials in clear.
    requireTLS: flag("requireTLS"),
    ignoreTLS: flag("ignoreTLS"),
    ...(flag("tls.rejectUnauthorized") === false ? { tls: { rejectUnauthorized: false } } : {}),
    ...(options.pooled ? { pool: true, maxConnections: pooledConnections, maxMessages: 500 } : {}),
    // An SMTP outage must not hold a request for minutes: the outbox retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return { transport, from, concurrency: options.pooled ? pooledConnections : 1 };
}

const holder = globalThis as typeof globalThis & { __aeshMailer?: Mailer };

export function getMailer(): Mailer {
  holder.__aeshMailer ??= createMailer(env().SMTP_URL, env().MAIL_FROM);
  return holder.__aeshMailer;
}

/** A pooled mailer for one run of the daily job; the caller closes it at the end. */
export function createJobMailer(): Mailer {
  return createMailer(env().SMTP_URL, env().MAIL_FROM, { pooled: true });
}
