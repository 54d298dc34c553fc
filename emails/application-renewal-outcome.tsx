import { Link, Text } from "@react-email/components";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type RenewalOutcome = "kept" | "withdrawn" | "deleted";

export type ApplicationRenewalOutcomeProps = {
  branding: EmailBranding;
  outcome: RenewalOutcome;
  postType: string;
  /** JJ/MM/AAAA: the new validity (kept) or the date of the change. */
  date: string;
  spaceUrl: string;
};

export const applicationRenewalOutcomeSubject = (outcome: RenewalOutcome) =>
  outcome === "kept"
    ? "Votre candidature AESH est maintenue"
    : outcome === "withdrawn"
      ? "Votre candidature AESH est retirée"
      : "Votre candidature AESH a été supprimée";

/** What happened to an application at renewal time: kept, withdrawn, or deleted without answer. */
export function ApplicationRenewalOutcomeEmail({ branding, outcome, postType, date, spaceUrl }: ApplicationRenewalOutcomeProps) {
  return (
    <EmailLayout preview={applicationRenewalOutcomeSubject(outcome)} branding={branding}>
      <Text>Bonjour,</Text>
      {outcome === "kept" ? (
        <Text>
          Votre candidature <strong>{postType}</strong> est maintenue : elle est désormais valable jusqu&apos;au{" "}
          <strong>{date}</strong>. Nous vous écrirons de nouveau à cette date.
        </Text>
      ) : outcome === "withdrawn" ? (
        <Text>
          Vous avez retiré votre candidature <strong>{postType}</strong> le {date} : nos services ne l&apos;étudieront plus. Pour
          candidater de nouveau à ce poste, supprimez-la depuis votre espace, puis déposez une nouvelle candidature.
        </Text>
      ) : (
        <Text>
          Faute de réponse à nos messages, votre candidature <strong>{postType}</strong> a été supprimée le {date}, avec ses
          pièces jointes. Votre compte et vos diplômes sont conservés : vous pouvez déposer une nouvelle candidature à tout
          moment.
        </Text>
      )}
      <Text>
        Votre espace candidat : <Link href={spaceUrl}>{spaceUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

ApplicationRenewalOutcomeEmail.PreviewProps = {
  branding: previewBranding,
  outcome: "kept",
  postType: "AESH EN PIAL INTER-DEGRE",
  date: "29/05/2027",
  spaceUrl: "http://localhost:3000/candidatures",
} satisfies ApplicationRenewalOutcomeProps;
