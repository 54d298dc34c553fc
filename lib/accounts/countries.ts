import countries from "i18n-iso-countries";
import french from "i18n-iso-countries/langs/fr.json";

countries.registerLocale(french);

let options: { code: string; name: string }[] | undefined;

/** Countries by their French names (ISO 3166-1 alpha-2 codes), France first, then alphabetical. */
export function frenchCountryOptions(): { code: string; name: string }[] {
  options ??= sortedCountries();
  return options;
}

function sortedCountries(): { code: string; name: string }[] {
  const names = countries.getNames("fr", { select: "official" });
  const collator = new Intl.Collator("fr");
  const others = Object.entries(names)
    .filter(([code]) => code !== "FR")
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return [{ code: "FR", name: "France" }, ...others];
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code) && code.length === 2;
}

export function countryName(code: string | null | undefined): string {
  return (code && countries.getName(code, "fr", { select: "official" })) || "";
}
