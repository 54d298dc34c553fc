"use client";

import { useRef, useState } from "react";

type Option = { id: string; label: string };

/**
 * An ordered list of wishes ("Zones géographiques souhaitées", "Quotités souhaitées"): add from a
 * list, move up or down, remove. Every control is a real button, usable by keyboard; each change
 * is announced with the new rank. The order travels as repeated hidden fields named `name`.
 *
 * The guide never mentions "Ajouter": someone who picks a zone in the list and presses
 * "Valider" means that zone. So the list itself is a field named `name`, after the chosen
 * ones: what it shows is sent as the last wish (without JavaScript too), and says so.
 */
export function RankedChoices({
  name,
  legend,
  hint,
  options,
  initial,
  max,
  noun,
  required,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: Option[];
  initial: string[];
  max: number;
  /** "zone", "quotité": used in the labels. */
  noun: string;
  required?: boolean;
  error?: string;
}) {
  const [chosen, setChosen] = useState<string[]>(() => initial.filter((id) => options.some((option) => option.id === id)));
  const [pick, setPick] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const labelOf = (id: string) => options.find((option) => option.id === id)?.label ?? "";
  const available = options.filter((option) => !chosen.includes(option.id));
  const full = chosen.length >= max;

  function focusLater(selector: string) {
    requestAnimationFrame(() => (list.current?.querySelector<HTMLElement>(selector) ?? select.current)?.focus());
  }

  function add() {
    if (!pick || full || chosen.includes(pick)) return;
    const next = [...chosen, pick];
    setChosen(next);
    setPick("");
    setAnnouncement(`« ${labelOf(pick)} » ajouté en position ${next.length} sur ${next.length}.`);
    // The "Ajouter" button is now disabled: keep the focus on the list to add another one, or,
    // when the list is full, on the wish just added.
    const last = next.length - 1;
    requestAnimationFrame(() => {
      if (next.length < max && select.current) select.current.focus();
      else list.current?.querySelector<HTMLElement>(`[data-rank="${last}"] [data-action="retirer"]`)?.focus();
    });
  }

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= chosen.length) return;
    const next = [...chosen];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setChosen(next);
    setAnnouncement(`« ${labelOf(chosen[index]!)} » est maintenant en position ${target + 1} sur ${next.length}.`);
    const direction = delta < 0 && target > 0 ? "monter" : delta > 0 && target < next.length - 1 ? "descendre" : delta < 0 ? "descendre" : "monter";
    focusLater(`[data-rank="${target}"] [data-action="${direction}"]`);
  }

  function remove(index: number) {
    const removed = chosen[index]!;
    const next = chosen.filter((_, position) => position !== index);
    setChosen(next);
    setAnnouncement(`« ${labelOf(removed)} » retiré. ${next.length === 0 ? `Aucune ${noun} choisie.` : `${next.length} sur ${max}.`}`);
    focusLater(`[data-rank="${Math.min(index, next.length - 1)}"] [data-action="retirer"]`);
  }

  const hintId = `${name}-aide`;
  const errorId = `${name}-erreur`;
  return (
    <fieldset className={`space-y-3 ${error ? "border-l-2 border-marianne pl-3" : ""}`} aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}>
      <legend className="font-bold">
        {legend}
        {required ? <span aria-hidden="true"> *</span> : null}
        {required ? <span className="sr-only"> (nécessaire pour une candidature complète)</span> : null}
      </legend>
      <p id={hintId} className="text-sm text-muted">
        {hint ?? "Par ordre de préférence : votre premier vœu en haut."} {max} au maximum.
      </p>
      {chosen.length === 0 ? (
        <p className="text-sm italic">Aucune {noun} choisie pour l&apos;instant.</p>
      ) : (
        <ol ref={list} className="space-y-2" aria-label={`${legend}, par ordre de préférence`}>
          {chosen.map((id, index) => (
            <li key={id} data-rank={index} className="flex flex-wrap items-center gap-2 border border-line bg-surface px-3 py-2">
              <input type="hidden" name={name} value={id} />
              <span className="min-w-0 basis-full font-medium sm:flex-1 sm:basis-auto">
                <span className="mr-2 inline-block min-w-6 tabular-nums">{index + 1}.</span>
                {labelOf(id)}
              </span>
              <span className="flex gap-1">
                <RankButton action="monter" disabled={index === 0} onClick={() => move(index, -1)} label={`Monter : ${labelOf(id)}`}>
                  ↑ Monter
                </RankButton>
                <RankButton action="descendre" disabled={index === chosen.length - 1} onClick={() => move(index, 1)} label={`Descendre : ${labelOf(id)}`}>
                  ↓ Descendre
                </RankButton>
                <RankButton action="retirer" onClick={() => remove(index)} label={`Retirer : ${labelOf(id)}`}>
                  Retirer
                </RankButton>
              </span>
            </li>
          ))}
        </ol>
      )}
      {/* Stacked on a phone, so a long zone name shows whole in the closed list. */}
      <div className="flex flex-col items-start gap-2 sm:flex-row sm:items-end">
        <div className="w-full min-w-0 sm:flex-1">
          <label htmlFor={name} className="block text-sm font-medium">
            Ajouter une {noun}
          </label>
          <select
            ref={select}
            id={name}
            name={name}
            value={pick}
            disabled={full || available.length === 0}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${name}-choix`}
            onChange={(event) => setPick(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
            className="mt-1 block w-full rounded-t border-0 border-b-2 border-ink bg-surface px-3 py-2 text-base"
          >
            <option value="">{full ? `Maximum de ${max} atteint` : "Choisir dans la liste"}</option>
            {available.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={add}
          disabled={!pick || full}
          className="inline-flex min-h-11 items-center border border-france bg-white px-4 py-2 font-medium text-france hover:bg-france-light disabled:cursor-not-allowed disabled:opacity-50"
        >
          Ajouter<span className="sr-only"> cette {noun}</span>
        </button>
      </div>
      <p id={`${name}-choix`} className={pick ? "text-sm" : "sr-only"}>
        {pick
          ? `« ${labelOf(pick)} » sera votre vœu n° ${chosen.length + 1} quand vous validerez le formulaire. « Ajouter » vous permet d'en choisir une autre ensuite.`
          : `Choisissez une ${noun} puis « Ajouter » pour en indiquer plusieurs, par ordre de préférence.`}
      </p>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-marianne">
          {error}
        </p>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </fieldset>
  );
}

function RankButton({
  action,
  label,
  disabled,
  onClick,
  children,
}: {
  action: string;
  label: string;
  disabled?: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      data-action={action}
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
      className="inline-flex min-h-11 items-center border border-line bg-white px-2 text-sm hover:border-france disabled:cursor-not-allowed disabled:opacity-40"
    >
      {children}
    </button>
  );
}
