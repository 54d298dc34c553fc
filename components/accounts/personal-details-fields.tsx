import { SelectField, TextAreaField, TextField } from "@/components/ui/form";

export type PersonalDetailsValues = Partial<Record<string, string | boolean>>;

/** The labels of these fields, for the error summary of every form that shows them. */
export const personalDetailsLabels: Record<string, string> = {
  civility: "Civilité",
  usageName: "Nom d'usage",
  birthName: "Nom patronymique",
  firstName: "Prénom",
  birthDate: "Date de naissance",
  birthPlace: "Lieu de naissance",
  nationality: "Nationalité",
  phone: "Téléphone",
  misc: "Informations complémentaires",
};

/** A typed value sent back by an action, as an input's default value. */
export function textValue(values: PersonalDetailsValues, name: string): string {
  const value = values[name];
  return typeof value === "string" ? value : "";
}

/**
 * The "you" part of the registration form, reused by the account page: civility, names, birth
 * and nationality. The "Divers" part is ContactFields below.
 */
export function PersonalDetailsFields({
  values,
  errors,
  countries,
  onNameChange,
}: {
  values: PersonalDetailsValues;
  errors: Partial<Record<string, string>>;
  countries: { code: string; name: string }[];
  onNameChange?: (field: "usageName" | "birthName" | "firstName", value: string) => void;
}) {
  const text = (name: string) => textValue(values, name);
  return (
    <>
      <SelectField
        id="civility"
        name="civility"
        label="Civilité"
        required
        defaultValue={text("civility")}
        error={errors.civility}
        options={[
          { value: "madame", label: "Madame" },
          { value: "monsieur", label: "Monsieur" },
        ]}
      />
      <TextField
        id="usageName"
        name="usageName"
        label="Nom d'usage"
        hint="Si vous en avez un : nom d'époux ou d'épouse, par exemple."
        autoComplete="family-name"
        defaultValue={text("usageName")}
        error={errors.usageName}
        onChange={onNameChange ? (event) => onNameChange("usageName", event.target.value) : undefined}
      />
      <TextField
        id="birthName"
        name="birthName"
        label="Nom patronymique"
        hint="Votre nom de naissance."
        required
        defaultValue={text("birthName")}
        error={errors.birthName}
        onChange={onNameChange ? (event) => onNameChange("birthName", event.target.value) : undefined}
      />
      <TextField
        id="firstName"
        name="firstName"
        label="Prénom"
        autoComplete="given-name"
        required
        defaultValue={text("firstName")}
        error={errors.firstName}
        onChange={onNameChange ? (event) => onNameChange("firstName", event.target.value) : undefined}
      />
      <TextField
        id="birthDate"
        name="birthDate"
        label="Date de naissance"
        hint="Au format JJ/MM/AAAA, par exemple 14/07/1990."
        inputMode="numeric"
        autoComplete="bday"
        placeholder="JJ/MM/AAAA"
        required
        defaultValue={text("birthDate")}
        error={errors.birthDate}
      />
      <TextField
        id="birthPlace"
        name="birthPlace"
        label="Lieu de naissance"
        hint="Commune, et pays si vous êtes né à l'étranger."
        required
        defaultValue={text("birthPlace")}
        error={errors.birthPlace}
      />
      <SelectField
        id="nationality"
        name="nationality"
        label="Nationalité"
        required
        defaultValue={text("nationality")}
        error={errors.nationality}
        options={countries.map((country) => ({ value: country.code, label: country.name }))}
      />
    </>
  );
}

/** "Divers": phone and free note. */
export function ContactFields({
  values,
  errors,
  phoneRequired = false,
}: {
  values: PersonalDetailsValues;
  errors: Partial<Record<string, string>>;
  phoneRequired?: boolean;
}) {
  const text = (name: string) => textValue(values, name);
  return (
    <>
      <TextField
        id="phone"
        name="phone"
        type="tel"
        label="Téléphone"
        hint={phoneRequired ? "Obligatoire sans adresse électronique : c'est ainsi que nos services vous joindront." : "Facultatif."}
        autoComplete="tel"
        required={phoneRequired}
        defaultValue={text("phone")}
        error={errors.phone}
      />
      <TextAreaField
        id="misc"
        name="misc"
        label="Informations complémentaires"
        hint="Facultatif : ce que vous souhaitez porter à la connaissance du service de recrutement."
        maxLength={1000}
        defaultValue={text("misc")}
        error={errors.misc}
      />
    </>
  );
}
