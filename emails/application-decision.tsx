import { Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type Decision = "in_review" | "recruited" | "rejected";

export type ApplicationDecisionProps = {
  branding: EmailBranding;
  decision: Decision;
  postType: string;
  /** What staff wrote to explain it, shown as written (may be empty). */
  reason: string;
  applicationUrl: string;
};

export const applicationDecisionSubject = (decision: Decision) =>
  decision === "in_review"
    ? "Votre candidature AESH est en cours d'examen"
    : decision === "recruited"
      ? "Votre candidature AESH est retenue"
      : "Votre candidature AESH n'est pas retenue";

const sentences: Record<Decision, (postType: string) => string> = {
  in_review: (postType) => `Nos services ont commencé l'examen de votre candidature ${postType}. Vous pouvez encore y déposer une pièce jointe si l'on vous en demande une.`,
  recruited: (postType) => `Nous avons le plaisir de vous informer que votre candidature ${postType} est retenue. Le service de recrutement vous contactera pour la suite.`,
  rejected: (postType) => `Après examen, nous sommes au regret de vous informer que votre candidature ${postType} n'est pas retenue.`,
};

/** A staff decision on an application, in plain French, with the reason staff gave. */
export function ApplicationDecisionEmail({ branding, decision, postType, reason, applicationUrl }: ApplicationDecisionProps) {
  return (
    <EmailLayout preview={applicationDecisionSubject(decision)} branding={branding}>
      <Text>Bonjour,</Text>
      <Text>{sentences[decision](postType)}</Text>
      {reason ? (
        <Text>
          Précision du service de recrutement : <em>{reason}</em>
        </Text>
      ) : null}
      <EmailButton href={applicationUrl}>Voir ma candidature</EmailButton>
      <Text>Pour toute question, répondez depuis votre espace candidat, rubrique « Messages » de la candidature.</Text>
    </EmailLayout>
  );
}

ApplicationDecisionEmail.PreviewProps = {
  branding: previewBranding,
  decision: "recruited",
  postType: "AESH EN PIAL INTER-DEGRE",
  reason: "Affectation envisagée dans le bassin de Cambrai à la rentrée.",
  applicationUrl: "http://localhost:3000/candidatures/exemple",
} satisfies ApplicationDecisionProps;
