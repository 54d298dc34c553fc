import "server-only";
import type { EmailBranding } from "../../emails/components/email-layout";
import type { Queryable } from "../db/client";
import type { Settings } from "../settings/definitions";
import { env } from "../env";
import { loadSettings } from "../settings/settings";

/** The académie's name and the platform address every mail shows, from settings and env. */
export async function loadBranding(db: Queryable): Promise<EmailBranding & { contactEmail: string }> {
  return brandingFrom(await loadSettings(db));
}

/** The same, from settings already read (the daily job reads them once per run). */
export function brandingFrom(settings: Settings): EmailBranding & { contactEmail: string } {
  return {
    academyName: settings.academyName,
    serviceName: settings.serviceName,
    appUrl: env().APP_URL,
    contactEmail: settings.platformContactEmail,
  };
}

/** An absolute link into the platform, for mails. */
export function appLink(path: string): string {
  return new URL(path, env().APP_URL).toString();
}
