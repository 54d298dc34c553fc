"use client";

import type { ReactNode } from "react";
import { normalizeFrenchDate } from "@/lib/format/date";
import { TextField } from "./form";

/**
 * A JJ/MM/AAAA date typed as text (a date picker is slow for a birth date and unreliable with
 * screen readers). Phones show a numeric keypad, which has no "/": "17051990", "17 05 1990",
 * "17.05.1990" are accepted and shown as "17/05/1990" once the field is left.
 */
export function DateField({
  id,
  label,
  hint,
  error,
  required,
  defaultValue,
  autoComplete,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  defaultValue?: string;
  autoComplete?: string;
}) {
  return (
    <TextField
      id={id}
      name={id}
      label={label}
      hint={hint}
      error={error}
      required={required}
      defaultValue={defaultValue}
      autoComplete={autoComplete}
      inputMode="numeric"
      placeholder="JJ/MM/AAAA"
      maxLength={20}
      onBlur={(event) => {
        event.currentTarget.value = normalizeFrenchDate(event.currentTarget.value);
      }}
    />
  );
}
