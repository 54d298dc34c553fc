import Link from "next/link";

export function SiteFooter({ academyName, width = "max-w-6xl" }: { academyName: string; width?: string }) {
  return (
    <footer className="mt-16 border-t-2 border-france bg-white">
      <div className={`mx-auto ${width} px-4 py-6`}>
        <p className="font-bold">{academyName}</p>
        <p className="mt-1 text-sm text-muted">Plateforme de recrutement des accompagnants des élèves en situation de handicap.</p>
        <ul className="mt-4 flex flex-wrap gap-x-6 border-t border-line pt-2 text-sm">
          <li>
            <Link href="/accessibilite" className="inline-flex min-h-11 items-center text-muted underline hover:text-ink">
              Accessibilité : non conforme
            </Link>
          </li>
          <li>
            <Link href="/donnees-personnelles" className="inline-flex min-h-11 items-center text-muted underline hover:text-ink">
              Données personnelles
            </Link>
          </li>
          <li>
            <Link href="/aide" className="inline-flex min-h-11 items-center text-muted underline hover:text-ink">
              Aide et assistance
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
