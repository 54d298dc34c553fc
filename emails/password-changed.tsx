import { Link, Text } from "@react-email/components";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type PasswordChangedProps = { branding: EmailBranding; lostPasswordUrl: string; contactEmail: string };

export const passwordChangedSubject = () => "Votre mot de passe a été changé";

export function PasswordChangedEmail({ branding, lostPasswordUrl, contactEmail }: PasswordChangedProps) {
  return (
    <EmailLayout preview="Votre mot de passe a été changé ; vos autres sessions sont fermées." branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Le mot de passe de votre compte sur la plateforme de recrutement des AESH vient d&apos;être changé. Par sécurité,
        toutes les sessions ouvertes avec l&apos;ancien mot de passe ont été fermées.
      </Text>
      <Text>
        Si vous n&apos;êtes pas à l&apos;origine de ce changement, choisissez tout de suite un nouveau mot de passe (
        <Link href={lostPasswordUrl}>{lostPasswordUrl}</Link>) et prévenez l&apos;assistance :{" "}
        <Link href={`mailto:${contactEmail}`}>{contactEmail}</Link>.
      </Text>
    </EmailLayout>
  );
}

PasswordChangedEmail.PreviewProps = {
  branding: previewBranding,
  lostPasswordUrl: "http://localhost:3000/mot-de-passe-perdu",
  contactEmail: "ce.acloerecrutement@ac-lille.fr",
} satisfies PasswordChangedProps;
