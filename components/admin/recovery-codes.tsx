"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/form";

/** Recovery codes, shown once: to print, copy or download, each usable one time. */
export function RecoveryCodes({ codes, intro, continueHref }: { codes: string[]; intro: string; continueHref: string | null }) {
  const text = `Codes de secours de l'espace de gestion (chacun ne sert qu'une fois) :\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-4">
      <Alert tone="success" role="status" title={intro}>
        <p>
          Voici vos <strong>codes de secours</strong>. Ils remplacent votre appareil si vous le perdez : chacun ne sert qu&apos;une fois. Notez-les ou imprimez-les et
          gardez-les en lieu sûr ; ils ne seront plus affichés.
        </p>
      </Alert>
      <ol className="grid max-w-md grid-cols-1 gap-2 font-mono text-lg sm:grid-cols-2" aria-label="Codes de secours">
        {codes.map((code) => (
          <li key={code} className="border border-line bg-white px-3 py-2 text-center tracking-wider">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="codes-de-secours.txt" className={secondaryButtonClass}>
          Télécharger les codes
        </a>
        <button type="button" onClick={() => window.print()} className={secondaryButtonClass}>
          Imprimer
        </button>
        {continueHref ? (
          <Link href={continueHref} className={primaryButtonClass}>
            J&apos;ai noté mes codes : continuer
          </Link>
        ) : null}
      </div>
    </div>
  );
}
