import "server-only";
import { frenchCountryOptions } from "@/lib/accounts/countries";
import type { Queryable } from "@/lib/db/client";
import { loadDiplomaTypes, type DiplomaTypeOption } from "@/lib/diplomas/diplomas";

/** The lists of the diploma form: types with their level, countries in French (France first). */
export async function diplomaFormOptions(db: Queryable, keep?: DiplomaTypeOption) {
  const types = await loadDiplomaTypes(db);
  if (keep && !types.some((type) => type.id === keep.id)) types.push(keep);
  return {
    diplomaTypes: types.map((type) => ({ value: type.id, label: type.level ? `${type.label} (niveau ${type.level})` : type.label })),
    countries: frenchCountryOptions().map((country) => ({ value: country.code, label: country.name })),
  };
}
