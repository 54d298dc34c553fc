import "server-only";
import type { EmailBranding } from "../../emails/components/email-layout";
import type { Queryable } from "../db/client";
import { env } from "../env";
import { loadSettings } from "../settings/settings";

/** The académie's name and the platform address every mail shows, from settings and env. */
export async function loadBranding(db: Queryable): Promise<EmailBranding & { contactEmail: string }> {
  const settings = await loadSettings(db);
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
