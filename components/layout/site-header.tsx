import Link from "next/link";

import { MainNav, type NavItem } from "./main-nav";

export type { NavItem } from "./main-nav";

/** The State-style header: "République française" block, académie and service, then navigation. */
export function SiteHeader({
  academyName,
  serviceName,
  nav,
  logout,
  width = "max-w-6xl",
}: {
  academyName: string;
  serviceName: string;
  nav: NavItem[];
  /** The sign-out server action, shown as "Déconnecter" when someone is signed in. */
  logout?: (formData: FormData) => Promise<void>;
  /** The page width class, so the header lines up with the content (wider for staff). */
  width?: string;
}) {
  return (
    <header className="border-b border-line bg-white">
      <div className={`mx-auto flex ${width} flex-wrap items-center gap-x-6 gap-y-2 px-4 py-4`}>
        <Link href="/" className="flex items-center gap-5 text-ink no-underline" title={`Accueil – ${academyName}`}>
          <span className="border-r border-line pr-5 leading-tight" aria-hidden="true">
            <span className="block text-sm font-bold uppercase tracking-wide">
              République
              <br />
              française
            </span>
            <span className="mt-1 block text-xs italic text-muted">
              Liberté
              <br />
              Égalité
              <br />
              Fraternité
            </span>
          </span>
          <span className="leading-tight">
            <span className="sr-only">République française – </span>
            <span className="block text-lg font-bold uppercase">{academyName}</span>
            <span className="block text-sm text-muted">{serviceName}</span>
          </span>
        </Link>
      </div>
      <MainNav nav={nav} width={width}>
        {logout ? (
          <li>
            <form action={logout}>
              <button
                type="submit"
                className="block w-full border-b-2 border-transparent px-3 py-3 text-left text-sm font-bold uppercase text-ink hover:bg-surface"
              >
                Déconnecter
              </button>
            </form>
          </li>
        ) : null}
      </MainNav>
    </header>
  );
}
