import { Link, Text } from "@react-email/components";
import { EmailButton } from "./components/email-button";
import { EmailLayout, type EmailBranding } from "./components/email-layout";
import { previewBranding } from "./components/preview-branding";

export type EmailChangeProps = { branding: EmailBranding; confirmUrl: string; validHours: number };

export const emailChangeSubject = () => "Confirmez votre nouvelle adresse électronique";

/** Sent to the new address: it replaces the old one only once confirmed from here. */
export function EmailChangeEmail({ branding, confirmUrl, validHours }: EmailChangeProps) {
  return (
    <EmailLayout preview="Un clic pour confirmer votre nouvelle adresse." branding={branding}>
      <Text>Bonjour,</Text>
      <Text>
        Vous avez demandé à utiliser cette adresse pour votre compte sur la plateforme de recrutement des AESH. Elle ne
        remplacera l&apos;ancienne qu&apos;une fois confirmée :
      </Text>
      <EmailButton href={confirmUrl}>Confirmer ma nouvelle adresse</EmailButton>
      <Text>
        Ce lien est valable {validHours} heures et ne sert qu&apos;une fois. S&apos;il ne s&apos;ouvre pas, copiez cette
        adresse dans votre navigateur : <Link href={confirmUrl}>{confirmUrl}</Link>
      </Text>
      <Text>Si vous n&apos;avez rien demandé, ignorez ce message : rien ne changera.</Text>
    </EmailLayout>
  );
}

EmailChangeEmail.PreviewProps = {
  branding: previewBranding,
  confirmUrl: "http://localhost:3000/compte/courriel/exemple-de-jeton",
  validHours: 48,
} satisfies EmailChangeProps;
