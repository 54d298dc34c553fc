import Link from "next/link";
import { PageTitle } from "@/components/ui/page-title";

export default function NotFound() {
  return (
    <div className="max-w-3xl space-y-4">
      <PageTitle>Page introuvable</PageTitle>
      <p>La page que vous cherchez n&apos;existe pas ou n&apos;est plus disponible.</p>
      <p>
        <Link href="/" className="text-france underline">
          Revenir à l&apos;accueil
        </Link>
      </p>
    </div>
  );
}
