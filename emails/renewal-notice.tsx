import { Link, Section, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type RenewalNoticeProps = {
  branding: EmailBranding;
  postType: string;
  /** JJ/MM/AAAA */
  submittedOn: string;
  validUntil: string;
  deadline: string;
  keepUrl: string;
  validityMonths: number;
  /** The reminder sent a few days before the deadline says so. */
  reminder?: boolean;
};

export const renewalNoticeSubject = (props: { deadline: string; reminder?: boolean }) =>
  props.reminder
    ? `Rappel : votre candidature AESH sera supprimée le ${props.deadline} sans réponse de votre part`
    : `Votre candidature AESH arrive à échéance : répondez avant le ${props.deadline}`;

/** The six-month renewal mail (and its reminder): keep or withdraw, with a date, not a delay. */
export function RenewalNoticeEmail({ branding, postType, submittedOn, validUntil, deadline, keepUrl, validityMonths, reminder }: RenewalNoticeProps) {
  return (
    <EmailLayout preview={`Maintenez votre candidature avant le ${deadline}, sinon elle sera supprimée.`} branding={branding}>
      <Text>Bonjour,</Text>
      {reminder ? <Text>Nous n&apos;avons pas encore reçu votre réponse à notre précédent message.</Text> : null}
      <Text>
        Votre candidature <strong>{postType}</strong>, déposée le {submittedOn}, était valable jusqu&apos;au {validUntil}. Chaque
        candidature est valable {validityMonths} mois : souhaitez-vous la maintenir ?
      </Text>
      <Text>
        <strong>Sans réponse de votre part avant le {deadline}, votre candidature sera supprimée.</strong> Vos diplômes et votre
        compte sont conservés.
      </Text>
      <Section style={{ margin: "24px 0" }}>
        <EmailButton href={keepUrl}>Maintenir ma candidature</EmailButton>
      </Section>
      <Text>
        Vous ne souhaitez plus être candidat(e) ? <Link href={keepUrl}>Retirer ma candidature</Link>.
      </Text>
      <Text style={{ color: "#3a3a3a", fontSize: "14px" }}>
        Le lien ouvre une page où vous confirmez votre choix ; il est valable jusqu&apos;au {deadline}. Vous pouvez aussi vous
        connecter à votre espace candidat et cliquer sur « Maintenir ma candidature ».
      </Text>
    </EmailLayout>
  );
}

RenewalNoticeEmail.PreviewProps = {
  branding: previewBranding,
  postType: "AESH EN PIAL INTER-DEGRE",
  submittedOn: "29/05/2026",
  validUntil: "29/11/2026",
  deadline: "30/12/2026",
  keepUrl: "http://localhost:3000/renouvellement/exemple",
  validityMonths: 6,
} satisfies RenewalNoticeProps;
