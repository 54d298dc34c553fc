import { Link, Text } from "@react-email/components";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type StaffSecurityNoticeProps = { branding: EmailBranding; change: string; when: string; securityUrl: string; contactEmail: string };

export const staffSecurityNoticeSubject = () => "Double authentification de votre accès à l'espace de gestion";

/** Sent when a staff member's second factors change (added, removed, codes renewed, reset by an admin). */
export function StaffSecurityNoticeEmail({ branding, change, when, securityUrl, contactEmail }: StaffSecurityNoticeProps) {
  return (
    <EmailLayout preview={`${change}.`} branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Sur votre compte de l&apos;espace de gestion du recrutement des AESH, {when} : <strong>{change}</strong>.
      </Text>
      <Text>
        Vous retrouvez vos clés d&apos;accès, votre application et vos codes de secours sur la page Sécurité :{" "}
        <Link href={securityUrl}>{securityUrl}</Link>.
      </Text>
      <Text>
        Si vous n&apos;êtes pas à l&apos;origine de ce changement, prévenez tout de suite un administrateur de la plateforme ou
        l&apos;assistance : <Link href={`mailto:${contactEmail}`}>{contactEmail}</Link>.
      </Text>
    </EmailLayout>
  );
}

StaffSecurityNoticeEmail.PreviewProps = {
  branding: previewBranding,
  change: "une clé d'accès « Ordinateur du bureau » a été ajoutée",
  when: "le 30/11/2026 à 09 h 12",
  securityUrl: "http://localhost:3000/admin/securite",
  contactEmail: "ce.acloerecrutement@ac-lille.fr",
} satisfies StaffSecurityNoticeProps;
