import type { Metadata } from "next";
import { PageTitle } from "@/components/ui/page-title";
import { frenchCountryOptions } from "@/lib/accounts/countries";
import { RegistrationForm } from "./registration-form";

export const metadata: Metadata = { title: "Inscription" };

export default function RegistrationPage() {
  return (
    <div className="space-y-6">
      <PageTitle>Formulaire d&apos;inscription</PageTitle>
      <p className="max-w-3xl">
        Complétez le formulaire puis cliquez sur « Valider ». Si vous indiquez une adresse électronique, un message vous
        sera envoyé pour confirmer la création de votre compte.
      </p>
      <RegistrationForm countries={frenchCountryOptions()} />
    </div>
  );
}
