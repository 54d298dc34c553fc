import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { logout } from "@/app/actions";
import { getCurrentUser } from "@/app/_data/session";
import { getRequestSettings } from "@/app/_data/settings";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLinks } from "@/components/layout/skip-links";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const settings = await getRequestSettings();
  return {
    // The platform's name in every title: it is the word the guide and the mails use.
    title: {
      default: `${settings.platformName} – Recrutement des AESH – ${settings.academyName}`,
      template: `%s – ${settings.platformName} – Recrutement des AESH – ${settings.academyName}`,
    },
    description: `Candidater comme accompagnant des élèves en situation de handicap (AESH) – ${settings.academyName}.`,
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

const publicNav = [
  { href: "/", label: "Accueil" },
  { href: "/aide", label: "Aide" },
];

function candidateNav(name: string) {
  return [
    { href: "/tableau-de-bord", label: "Mon tableau de bord" },
    { href: "/candidatures", label: "Mes candidatures" },
    { href: "/diplomes", label: "Mes diplômes" },
    { href: "/compte", label: name },
    { href: "/aide", label: "Aide" },
  ];
}

const staffWork = [
  { href: "/admin", label: "Tableau de bord" },
  { href: "/admin/candidatures", label: "Candidatures" },
  { href: "/admin/candidats", label: "Candidats" },
];
const staffSecurity = { href: "/admin/securite", label: "Sécurité" };

const staffNav = [...staffWork, staffSecurity];
const adminNav = [
  ...staffWork,
  { href: "/admin/referentiels", label: "Référentiels" },
  { href: "/admin/equipe", label: "Équipe" },
  { href: "/admin/parametres", label: "Paramètres" },
  { href: "/admin/journal", label: "Journal" },
  { href: "/admin/etat", label: "État du service" },
  staffSecurity,
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page reads the académie's settings from the database: render per request.
  await connection();
  const [settings, user] = await Promise.all([getRequestSettings(), getCurrentUser()]);
  const signedIn = user?.role === "candidate";
  // Staff work in dense tables, often with two windows side by side: the whole width.
  const width = user && !signedIn ? "max-w-[96rem]" : "max-w-6xl";
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col bg-white text-base">
        <SkipLinks />
        <SiteHeader
          academyName={settings.academyName}
          serviceName={settings.serviceName}
          nav={signedIn ? candidateNav(user.displayName) : user?.role === "admin" ? adminNav : user ? staffNav : publicNav}
          logout={user ? logout : undefined}
          width={width}
        />
        <main id="contenu" tabIndex={-1} className={`mx-auto w-full flex-1 px-4 py-8 focus:outline-none ${width}`}>
          {children}
        </main>
        <SiteFooter academyName={settings.academyName} width={width} />
      </body>
    </html>
  );
}
