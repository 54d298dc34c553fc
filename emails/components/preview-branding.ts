import type { EmailBranding } from "./email-layout";

/** Sample data for the template preview (`npm run email`) and template tests. */
export const previewBranding: EmailBranding = {
  academyName: "Académie de Lille",
  serviceName: "Service académique de gestion et de recrutement des AESH",
  appUrl: "http://localhost:3000",
};
