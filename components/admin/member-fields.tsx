import { SelectField } from "@/components/ui/form";

/** Role and départements of a staff member, shared by the invitation and the member's page. */
export function MemberFields({
  idPrefix,
  departements,
  values,
  errors,
}: {
  idPrefix: string;
  departements: string[];
  values: { role?: string; departements?: string[] };
  errors: Partial<Record<string, string>>;
}) {
  return (
    <>
      <SelectField
        id={`${idPrefix}role`}
        name="role"
        label="Rôle"
        required
        options={[
          { value: "gestionnaire", label: "Gestionnaire : examine les candidatures" },
          { value: "admin", label: "Administrateur : aussi l'équipe, les référentiels et les paramètres" },
        ]}
        defaultValue={values.role ?? "gestionnaire"}
        error={errors.role}
      />
      <fieldset className="space-y-1" aria-describedby={`${idPrefix}departements-aide`}>
        <legend className="font-medium">Départements (gestionnaires)</legend>
        <p id={`${idPrefix}departements-aide`} className="text-sm text-muted">
          Aucun coché : toute l&apos;académie. Sinon, seulement les candidatures dont un vœu de zone est dans ces départements.
        </p>
        <div className="flex flex-wrap gap-x-6">
          {departements.map((code) => (
            <label key={code} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="departements" value={code} defaultChecked={values.departements?.includes(code)} className="size-5 accent-france" />
              {code}
            </label>
          ))}
        </div>
        {errors.departements ? <p className="text-sm font-medium text-marianne">{errors.departements}</p> : null}
      </fieldset>
    </>
  );
}
