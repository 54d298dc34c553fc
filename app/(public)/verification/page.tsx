import type { Metadata } from "next";
import { PageTitle } from "@/components/ui/page-title";
import { ResendForm } from "./resend-form";

export const metadata: Metadata = { title: "Nouveau lien d'activation" };

export default function ResendVerificationPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>Nouveau lien d&apos;activation</PageTitle>
      <p>Indiquez l&apos;adresse électronique utilisée lors de votre inscription : nous vous enverrons un nouveau lien pour activer votre compte.</p>
      <ResendForm />
    </div>
  );
}
