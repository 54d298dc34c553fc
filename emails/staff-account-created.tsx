import { Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type StaffAccountCreatedProps = {
  branding: EmailBranding;
  email: string;
  roleLabel: string;
  loginUrl: string;
};

export function staffAccountCreatedSubject(branding: EmailBranding): string {
  return `Votre accès à l'espace de gestion des AESH – ${branding.academyName}`;
}

/** Sent when an administrator (or the shell) creates a staff account. The password is never mailed. */
export function StaffAccountCreatedEmail({ branding, email, roleLabel, loginUrl }: StaffAccountCreatedProps) {
  return (
    <EmailLayout preview="Un accès à l'espace de gestion vous a été ouvert." branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Un compte « {roleLabel} » vient d'être créé pour vous sur la plateforme de recrutement des AESH de
        l'{branding.academyName.replace(/^Académie/, "académie")}. Votre identifiant est : <strong>{email}</strong>.
      </Text>
      <Text>
        Le mot de passe vous est communiqué séparément par la personne qui a créé votre compte. Changez-le dès votre
        première connexion.
      </Text>
      <EmailButton href={loginUrl}>Se connecter à la plateforme</EmailButton>
      <Text>Si vous n'attendiez pas ce message, signalez-le à l'assistance de la plateforme.</Text>
    </EmailLayout>
  );
}

StaffAccountCreatedEmail.PreviewProps = {
  branding: previewBranding,
  email: "gestionnaire@ac-lille.fr",
  roleLabel: "gestionnaire",
  loginUrl: "http://localhost:3000/",
} satisfies StaffAccountCreatedProps;
