import { Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type ApplicationMessageProps = { branding: EmailBranding; postType: string; applicationUrl: string };

export const applicationMessageSubject = () => "Un message du service de recrutement vous attend";

/**
 * Staff wrote about an application. The message itself stays in the candidate's space: it may
 * speak of a document or of health, and a mailbox is read by more eyes than a signed-in page.
 */
export function ApplicationMessageEmail({ branding, postType, applicationUrl }: ApplicationMessageProps) {
  return (
    <EmailLayout preview="Le service de recrutement vous a écrit au sujet de votre candidature." branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Le service de recrutement vous a écrit au sujet de votre candidature <strong>{postType}</strong>. Connectez-vous à
        votre espace candidat pour lire ce message et, si besoin, y répondre.
      </Text>
      <EmailButton href={applicationUrl}>Lire le message</EmailButton>
      <Text>Votre réponse se fait depuis votre espace, dans la rubrique « Messages » de la candidature.</Text>
    </EmailLayout>
  );
}

ApplicationMessageEmail.PreviewProps = {
  branding: previewBranding,
  postType: "AESH EN PIAL INTER-DEGRE",
  applicationUrl: "http://localhost:3000/candidatures/exemple",
} satisfies ApplicationMessageProps;
