import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export type EmailBranding = { academyName: string; serviceName: string; appUrl: string };

const styles = {
  body: { backgroundColor: "#f6f6f6", fontFamily: "Arial, Helvetica, sans-serif", color: "#161616", margin: 0 },
  container: { backgroundColor: "#ffffff", maxWidth: "600px", margin: "0 auto", padding: "0" },
  header: { borderBottom: "4px solid #000091", padding: "20px 24px 12px" },
  republic: { fontSize: "12px", fontWeight: 700, letterSpacing: "0.04em", margin: 0, textTransform: "uppercase" as const },
  academy: { fontSize: "18px", fontWeight: 700, margin: "6px 0 0" },
  service: { fontSize: "14px", margin: "2px 0 0", color: "#3a3a3a" },
  content: { padding: "8px 24px 16px", fontSize: "16px", lineHeight: "24px" },
  footer: { padding: "0 24px 20px", fontSize: "12px", lineHeight: "18px", color: "#666666" },
};

/** The frame every mail shares: State-style header, content, and a footer saying why it was sent. */
export function EmailLayout({
  preview,
  branding,
  children,
}: {
  preview: string;
  branding: EmailBranding;
  children: ReactNode;
}) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Section style={styles.header}>
            <Text style={styles.republic}>République française</Text>
            <Text style={styles.academy}>{branding.academyName}</Text>
            <Text style={styles.service}>{branding.serviceName}</Text>
          </Section>
          <Section style={styles.content}>{children}</Section>
          <Hr />
          <Section style={styles.footer}>
            <Text style={{ margin: 0 }}>
              Ce message vous est adressé automatiquement par la plateforme de recrutement des AESH ({branding.appUrl}).
              Merci de ne pas y répondre directement.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
