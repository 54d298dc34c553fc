import { Link, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type StaffInvitationProps = { branding: EmailBranding; roleLabel: string; invitationUrl: string; validHours: number };

export const staffInvitationSubject = () => "Votre accès à l'espace de gestion du recrutement des AESH";

/** An administrator invites a colleague: the link sets their password, once, within 48 hours. */
export function StaffInvitationEmail({ branding, roleLabel, invitationUrl, validHours }: StaffInvitationProps) {
  return (
    <EmailLayout preview="Choisissez votre mot de passe pour accéder à l'espace de gestion." branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Un accès « {roleLabel} » à l&apos;espace de gestion du recrutement des AESH vous a été ouvert. Pour l&apos;activer, choisissez
        votre mot de passe :
      </Text>
      <EmailButton href={invitationUrl}>Choisir mon mot de passe</EmailButton>
      <Text>
        Ce lien est valable {validHours} heures et ne sert qu&apos;une fois. S&apos;il ne s&apos;ouvre pas, copiez cette adresse dans votre
        navigateur : <Link href={invitationUrl}>{invitationUrl}</Link>
      </Text>
      <Text>Si vous n&apos;attendiez pas ce message, ignorez-le et signalez-le à l&apos;assistance de la plateforme.</Text>
    </EmailLayout>
  );
}

StaffInvitationEmail.PreviewProps = {
  branding: previewBranding,
  roleLabel: "gestionnaire",
  invitationUrl: "http://localhost:3000/invitation/exemple-de-jeton",
  validHours: 48,
} satisfies StaffInvitationProps;
