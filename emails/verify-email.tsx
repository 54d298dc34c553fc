import { Link, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type VerifyEmailProps = { branding: EmailBranding; firstName: string; verifyUrl: string; validHours: number };

export const verifyEmailSubject = () => "Confirmez votre adresse pour activer votre espace candidat AESH";

/** Sent on registration: the link opens the candidate space for the first time. */
export function VerifyEmail({ branding, firstName, verifyUrl, validHours }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Un clic pour activer votre espace candidat." branding={branding}>
      <Text>Bonjour {firstName},</Text>
      <Text>
        Votre compte sur la plateforme de recrutement des AESH a bien été créé. Pour l&apos;activer et accéder à votre
        espace candidat, confirmez votre adresse électronique :
      </Text>
      <EmailButton href={verifyUrl}>Activer mon espace candidat</EmailButton>
      <Text>
        Ce lien est valable {validHours} heures et ne sert qu&apos;une fois. S&apos;il ne s&apos;ouvre pas, copiez cette
        adresse dans votre navigateur : <Link href={verifyUrl}>{verifyUrl}</Link>
      </Text>
      <Text>Si vous n&apos;êtes pas à l&apos;origine de cette inscription, ignorez ce message : aucun compte ne sera activé.</Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  branding: previewBranding,
  firstName: "Maxime",
  verifyUrl: "http://localhost:3000/verification/exemple-de-jeton",
  validHours: 48,
} satisfies VerifyEmailProps;
