import { Link, Text } from "@react-email/components";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type RegistrationAttemptProps = { branding: EmailBranding; loginUrl: string; lostPasswordUrl: string };

export const registrationAttemptSubject = () => "Une inscription a été tentée avec votre adresse";

/** Sent to the owner when someone registers with an address that already has an account. */
export function RegistrationAttemptEmail({ branding, loginUrl, lostPasswordUrl }: RegistrationAttemptProps) {
  return (
    <EmailLayout preview="Votre adresse a déjà un compte sur la plateforme." branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Quelqu&apos;un vient de remplir le formulaire d&apos;inscription de la plateforme de recrutement des AESH avec
        votre adresse électronique. Comme un compte existe déjà pour cette adresse, aucun nouveau compte n&apos;a été
        créé.
      </Text>
      <Text>
        Si c&apos;était vous, connectez-vous simplement : <Link href={loginUrl}>{loginUrl}</Link>. Mot de passe oublié ?{" "}
        <Link href={lostPasswordUrl}>Choisissez-en un nouveau</Link>.
      </Text>
      <Text>Si ce n&apos;était pas vous, vous n&apos;avez rien à faire : votre compte n&apos;a pas été modifié.</Text>
    </EmailLayout>
  );
}

RegistrationAttemptEmail.PreviewProps = {
  branding: previewBranding,
  loginUrl: "http://localhost:3000/",
  lostPasswordUrl: "http://localhost:3000/mot-de-passe-perdu",
} satisfies RegistrationAttemptProps;
