import { Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type Decision = "in_review" | "recruited" | "rejected";

export type ApplicationDecisionProps = {
  branding: EmailBranding;
  decision: Decision;
  postType: string;
  /** Whether staff gave a reason: it is read in the candidate's space, never in a mailbox. */
  hasReason: boolean;
  applicationUrl: string;
};

export const applicationDecisionSubject = (decision: Decision) =>
  decision === "in_review"
    ? "Votre candidature AESH est en cours d'examen"
    : decision === "recruited"
      ? "Votre candidature AESH est retenue"
      : "Votre candidature AESH n'est pas retenue";

const sentences: Record<Decision, (postType: string) => string> = {
  in_review: (postType) => `Nos services examinent votre candidature ${postType}. Vous pouvez encore y déposer une pièce jointe si l'on vous en demande une.`,
  recruited: (postType) => `Nous avons le plaisir de vous informer que votre candidature ${postType} est retenue. Le service de recrutement vous contactera pour la suite.`,
  rejected: (postType) => `Après examen, nous sommes au regret de vous informer que votre candidature ${postType} n'est pas retenue.`,
};

/**
 * A staff decision on an application, in plain French. The reason staff wrote stays in the
 * candidate's space: it may speak of a document or of health, and a mailbox is read by more eyes.
 */
export function ApplicationDecisionEmail({ branding, decision, postType, hasReason, applicationUrl }: ApplicationDecisionProps) {
  return (
    <EmailLayout preview={applicationDecisionSubject(decision)} branding={branding}>
      <Text>Bonjour,</Text>
      <Text>{sentences[decision](postType)}</Text>
      {hasReason ? <Text>Le service de recrutement a précisé le motif de sa décision : vous le lirez dans votre espace candidat.</Text> : null}
      <EmailButton href={applicationUrl}>Voir ma candidature</EmailButton>
      <Text>Pour toute question, répondez depuis votre espace candidat, rubrique « Messages » de la candidature.</Text>
    </EmailLayout>
  );
}

ApplicationDecisionEmail.PreviewProps = {
  branding: previewBranding,
  decision: "recruited",
  postType: "AESH EN PIAL INTER-DEGRE",
  hasReason: true,
  applicationUrl: "http://localhost:3000/candidatures/exemple",
} satisfies ApplicationDecisionProps;
