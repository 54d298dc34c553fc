import { Link, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type RetentionNoticeProps = {
  branding: EmailBranding;
  /** An account unused (no application, no sign-in), or a closed application. */
  kind: "account" | "application";
  /** The application's post type (kind "application"). */
  postType?: string;
  /** JJ/MM/AAAA: the day of the deletion. */
  deletionDate: string;
  /** Sign in (keeps an unused account), or the application's page. */
  actionUrl: string;
  dataUrl: string;
};

export const retentionNoticeSubject = (kind: RetentionNoticeProps["kind"]) =>
  kind === "account" ? "Votre compte inutilisé sera supprimé" : "Votre candidature close sera supprimée";

/** Sent 30 days before the daily job deletes data kept for its retention period only. */
export function RetentionNoticeEmail({ branding, kind, postType, deletionDate, actionUrl, dataUrl }: RetentionNoticeProps) {
  return (
    <EmailLayout preview={retentionNoticeSubject(kind)} branding={branding}>
      <Text>Bonjour,</Text>
      {kind === "account" ? (
        <>
          <Text>
            Votre compte sur la plateforme de recrutement des AESH n&apos;a servi à déposer aucune candidature et vous ne vous
            y êtes pas connecté(e) depuis longtemps. Pour protéger vos données, il sera <strong>supprimé le {deletionDate}</strong>,
            avec les informations qu&apos;il contient.
          </Text>
          <Text>Vous souhaitez le garder ? Il suffit de vous connecter avant cette date.</Text>
          <EmailButton href={actionUrl}>Me connecter pour garder mon compte</EmailButton>
        </>
      ) : (
        <>
          <Text>
            Votre candidature <strong>{postType}</strong> est close (retenue, non retenue ou retirée). Comme l&apos;indique la page
            « Données personnelles » de la plateforme, elle sera <strong>supprimée le {deletionDate}</strong>, avec ses pièces
            jointes. Votre compte et vos diplômes restent.
          </Text>
          <EmailButton href={actionUrl}>Voir ma candidature</EmailButton>
        </>
      )}
      <Text>
        Avant cette date, vous pouvez <Link href={dataUrl}>télécharger vos données</Link> depuis la page « Mon compte ».
      </Text>
    </EmailLayout>
  );
}

RetentionNoticeEmail.PreviewProps = {
  branding: previewBranding,
  kind: "application",
  postType: "AESH EN PIAL INTER-DEGRE",
  deletionDate: "15/01/2027",
  actionUrl: "https://recrutement-aesh.ac-exemple.fr/candidatures",
  dataUrl: "https://recrutement-aesh.ac-exemple.fr/compte",
} satisfies RetentionNoticeProps;
