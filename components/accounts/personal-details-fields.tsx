import { DateField } from "@/components/ui/date-field";
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
      <DateField
        id="birthDate"
        label="Date de naissance"
        hint="JJ/MM/AAAA, par exemple 14/07/1990. Sur un téléphone, tapez les 8 chiffres : 14071990."
        autoComplete="bday"
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

/** "Téléphone": required only from candidates without an email address. */
export function PhoneField({
  values,
  errors,
  required = false,
}: {
  values: PersonalDetailsValues;
  errors: Partial<Record<string, string>>;
  required?: boolean;
}) {
  return (
    <TextField
      id="phone"
      name="phone"
      type="tel"
      label="Téléphone"
      hint={required ? "Obligatoire sans adresse électronique : c'est ainsi que nos services vous joindront." : "Facultatif."}
      autoComplete="tel"
      required={required}
      defaultValue={textValue(values, "phone")}
      error={errors.phone}
    />
  );
}

/** "Divers": a free note to the recruitment service. */
export function MiscField({ values, errors }: { values: PersonalDetailsValues; errors: Partial<Record<string, string>> }) {
  return (
    <TextAreaField
      id="misc"
      name="misc"
      label="Informations complémentaires"
      hint="Facultatif : ce que vous souhaitez porter à la connaissance du service de recrutement."
      maxLength={1000}
      defaultValue={textValue(values, "misc")}
      error={errors.misc}
    />
  );
}
