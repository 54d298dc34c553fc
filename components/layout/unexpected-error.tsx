"use client";

import { primaryButtonClass } from "@/components/ui/form";
import { PageTitle } from "@/components/ui/page-title";

/**
 * What a person sees when a page fails for a reason of ours (the database restarting, a
 * bug): in French, with a way to try again and a reference the service can look up in its
 * logs — never Next.js's English default.
 */
export function UnexpectedError({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
    <div className="max-w-3xl space-y-4" role="alert">
      <PageTitle>Un problème momentané</PageTitle>
      <p>La page n&apos;a pas pu s&apos;afficher. Ce que vous aviez enregistré n&apos;est pas perdu.</p>
      <p>Réessayez dans quelques instants. Si le problème persiste, contactez le service en indiquant la référence ci-dessous.</p>
      {digest ? <p className="text-sm text-muted">Référence : {digest}</p> : null}
      <p className="flex flex-wrap items-center gap-4">
        <button type="button" className={primaryButtonClass} onClick={() => retry()}>
          Réessayer
        </button>
        {/* A full page load: the client router may be what failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="text-france underline">
          Revenir à l&apos;accueil
        </a>
      </p>
    </div>
  );
}
