import { Text } from "@react-email/components";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type AccountDeletedProps = { branding: EmailBranding };

export const accountDeletedSubject = () => "Votre compte a été supprimé";

export function AccountDeletedEmail({ branding }: AccountDeletedProps) {
  return (
    <EmailLayout preview="Votre compte et vos données ont été supprimés." branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Comme vous l&apos;avez demandé, votre compte sur la plateforme de recrutement des AESH a été supprimé, avec vos
        candidatures, vos diplômes et les fichiers que vous aviez déposés.
      </Text>
      <Text>Vous pouvez créer un nouveau compte à tout moment si vous souhaitez candidater à nouveau.</Text>
    </EmailLayout>
  );
}

AccountDeletedEmail.PreviewProps = { branding: previewBranding } satisfies AccountDeletedProps;
