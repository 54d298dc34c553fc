import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * Form fields with a visible label, an optional hint and an error under the field, tied to
 * the control by aria-describedby (RGAA 11). Required fields carry "*" (explained once per form).
 */
type FieldFrame = { id: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean };

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
}

const controlClass =
  "mt-1 block w-full rounded-t border-0 border-b-2 border-ink bg-surface px-3 py-2 text-base text-ink aria-[invalid=true]:border-marianne";

function Frame({ id, label, hint, error, required, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className={error ? "border-l-2 border-marianne pl-3" : undefined}>
      <label htmlFor={id} className="block font-medium">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-aide`} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-erreur`} className="mt-1 text-sm font-medium text-marianne">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  required,
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className">) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...input}
      />
    </Frame>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  required,
  ...textarea
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "className">) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        rows={3}
        {...textarea}
      />
    </Frame>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  options,
  placeholder = "Choisir dans la liste",
  ...select
}: FieldFrame & { options: { value: string; label: string }[]; placeholder?: string } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "id" | "className"
  >) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} required={required}>
      <select
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...select}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function Fieldset({ legend, children, hint }: { legend: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <fieldset className="space-y-4 border-t border-line pt-4">
      <legend className="text-lg font-bold">{legend}</legend>
      {hint ? <div className="text-sm text-muted">{hint}</div> : null}
      {children}
    </fieldset>
  );
}

export function RequiredNote() {
  return <p className="text-sm text-muted">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>;
}

export const primaryButtonClass =
  "inline-flex min-h-11 items-center justify-center bg-france px-5 py-2 font-medium text-white hover:bg-france-hover disabled:cursor-wait disabled:opacity-70";
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center border border-france bg-white px-5 py-2 font-medium text-france hover:bg-france-light";
