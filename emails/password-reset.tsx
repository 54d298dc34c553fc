import { Link, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type PasswordResetProps = { branding: EmailBranding; resetUrl: string; validMinutes: number };

export const passwordResetSubject = () => "Choisissez un nouveau mot de passe";

export function PasswordResetEmail({ branding, resetUrl, validMinutes }: PasswordResetProps) {
  return (
    <EmailLayout preview="Le lien pour choisir un nouveau mot de passe." branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Vous avez demandé à changer le mot de passe de votre compte sur la plateforme de recrutement des AESH. Choisissez
        un nouveau mot de passe :
      </Text>
      <EmailButton href={resetUrl}>Choisir un nouveau mot de passe</EmailButton>
      <Text>
        Ce lien est valable {validMinutes} minutes et ne sert qu&apos;une fois. S&apos;il ne s&apos;ouvre pas, copiez cette
        adresse dans votre navigateur : <Link href={resetUrl}>{resetUrl}</Link>
      </Text>
      <Text>Si vous n&apos;avez rien demandé, ignorez ce message : votre mot de passe reste le même.</Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  branding: previewBranding,
  resetUrl: "http://localhost:3000/reinitialisation/exemple-de-jeton",
  validMinutes: 60,
} satisfies PasswordResetProps;
