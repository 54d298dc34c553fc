import { Link, Text } from "@react-email/components";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type EmailChangeNoticeProps = { branding: EmailBranding; newEmail: string; contactEmail: string };

export const emailChangeNoticeSubject = () => "Votre adresse électronique va changer";

/** Sent to the old address when a change is requested, so a stolen session cannot take the account quietly. */
export function EmailChangeNoticeEmail({ branding, newEmail, contactEmail }: EmailChangeNoticeProps) {
  return (
    <EmailLayout preview="Un changement d'adresse a été demandé sur votre compte." branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Un changement d&apos;adresse électronique vient d&apos;être demandé pour votre compte sur la plateforme de
        recrutement des AESH. La nouvelle adresse, {newEmail}, remplacera celle-ci dès qu&apos;elle aura été confirmée.
      </Text>
      <Text>
        Si vous n&apos;êtes pas à l&apos;origine de cette demande, changez votre mot de passe et prévenez l&apos;assistance :{" "}
        <Link href={`mailto:${contactEmail}`}>{contactEmail}</Link>.
      </Text>
    </EmailLayout>
  );
}

EmailChangeNoticeEmail.PreviewProps = {
  branding: previewBranding,
  newEmail: "nouvelle.adresse@exemple.fr",
  contactEmail: "ce.acloerecrutement@ac-lille.fr",
} satisfies EmailChangeNoticeProps;
