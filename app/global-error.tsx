"use client";

import "./globals.css";
import { UnexpectedError } from "@/components/layout/unexpected-error";

/**
 * When the frame itself fails (the root layout reads the settings and the session: a
 * database restarting ends here), a page of its own, still in French.
 */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="fr">
      <head>
        <title>Un problème momentané</title>
      </head>
      <body className="bg-white text-base">
        <main id="contenu" className="mx-auto w-full max-w-6xl px-4 py-8">
          <UnexpectedError digest={error.digest} retry={retry} />
        </main>
      </body>
    </html>
  );
}
