"use client";

import { useActionState } from "react";
import type { FormOptions } from "@/lib/applications/queries";
import type { SectionRequirements } from "@/lib/applications/completeness";
import { applicationFieldLabels, levelOptions, rqthOptions, type RawApplicationForm } from "@/lib/applications/form-fields";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Fieldset, SelectField, TextField } from "@/components/ui/form";
import { RankedChoices } from "@/components/ui/ranked-choices";
import { FormActions } from "@/components/ui/form-actions";
import type { ApplicationFormState } from "./actions";

type Option = { id: string; label: string };

const star = <span aria-hidden="true"> *</span>;

/**
 * "MA CANDIDATURE": the guide's sections. Everything may be left empty (the page then lists what
 * is missing); "*" marks what the post type needs for the application to be complete.
 */
export function ApplicationForm({
  action,
  options,
  initial,
  postTypes,
  requirements,
  cancelHref,
}: {
  action: (state: ApplicationFormState, formData: FormData) => Promise<ApplicationFormState>;
  options: FormOptions;
  initial: RawApplicationForm;
  /** New application: the post types still open to this candidate; absent when modifying. */
  postTypes?: (Option & { requirements: SectionRequirements })[];
  requirements?: SectionRequirements;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(action, { errors: {}, attempt: 0 });
  const values = state.values ?? initial;
  const needs = requirements ?? postTypes?.find((postType) => postType.id === values.postTypeId)?.requirements ?? postTypes?.[0]?.requirements;
  const errors = state.errors;
  return (
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      <ErrorSummary errors={errors} labels={{ ...applicationFieldLabels, form: "Candidature" }} />
      <p className="text-sm text-muted">
        Les rubriques marquées d&apos;un astérisque (*) sont nécessaires pour que votre candidature soit complète. Vous pouvez
        enregistrer une candidature incomplète et la compléter plus tard.
      </p>

      {postTypes ? (
        <fieldset className="space-y-2" aria-describedby={errors.postTypeId ? "postTypeId-erreur" : undefined}>
          <legend className="text-lg font-bold">
            Poste{star}
          </legend>
          {postTypes.map((postType, index) => (
            <label key={postType.id} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="postTypeId"
                value={postType.id}
                id={index === 0 ? "postTypeId" : undefined}
                defaultChecked={values.postTypeId ? values.postTypeId === postType.id : postTypes.length === 1}
                className="size-5 accent-france"
              />
              {postType.label}
            </label>
          ))}
          {errors.postTypeId ? (
            <p id="postTypeId-erreur" className="text-sm font-medium text-marianne">
              {errors.postTypeId}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <Fieldset legend="Type d'enseignement" hint="Choisissez « AESH » dans les champs « Choix 1 » et « Choix 2 ».">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id="teachingType1"
            name="teachingType1"
            label={<>Choix 1{needs?.teachingType ? star : null}</>}
            options={options.teachingTypes.map((option) => ({ value: option.id, label: option.label }))}
            defaultValue={values.teachingType1}
            error={errors.teachingType1}
          />
          <SelectField
            id="teachingType2"
            name="teachingType2"
            label="Choix 2"
            options={options.teachingTypes.map((option) => ({ value: option.id, label: option.label }))}
            defaultValue={values.teachingType2}
            error={errors.teachingType2}
          />
        </div>
      </Fieldset>

      <div className="border-t border-line pt-4">
        <RankedChoices
          name="zones"
          legend="Zones géographiques souhaitées"
          hint="Effectuez vos vœux par ordre de préférence : votre premier vœu en haut."
          options={options.zones}
          initial={values.zones}
          max={options.maxZoneWishes}
          noun="zone"
          required={needs?.zone}
          error={errors.zones}
        />
      </div>

      <div className="border-t border-line pt-4">
        <RankedChoices
          name="workingTimes"
          legend="Quotités souhaitées"
          hint="Le temps de travail que vous souhaitez, par ordre de préférence."
          options={options.workingTimes}
          initial={values.workingTimes}
          max={options.maxWorkingTimeWishes}
          noun="quotité"
          required={needs?.workingTime}
          error={errors.workingTimes}
        />
      </div>

      <fieldset className="space-y-2 border-t border-line pt-4" aria-describedby="rqth-aide">
        <legend className="font-bold">Reconnaissance de la qualité de travailleur handicapé</legend>
        <p id="rqth-aide" className="text-sm text-muted">
          Facultatif : choisissez la situation qui vous correspond. Cette information sert uniquement, si vous êtes
          recruté(e), à préparer les aménagements de poste auxquels vous avez droit. Seuls les gestionnaires du recrutement
          la voient ; elle n&apos;est jamais un critère de sélection.
        </p>
        <div className="grid gap-1 sm:grid-cols-2">
          {rqthOptions.map((option, index) => (
            <label key={option.value} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="rqth"
                value={option.value}
                id={index === 0 ? "rqth" : undefined}
                defaultChecked={values.rqth === option.value}
                className="size-5 accent-france"
              />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>

      <Fieldset
        legend="Inscription universitaire"
        hint={needs?.university ? "Indiquez votre inscription universitaire en cours." : "Si vous êtes étudiant(e) : votre inscription en cours. Sinon, laissez cette rubrique vide."}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="university" name="university" label={<>Université{needs?.university ? star : null}</>} defaultValue={values.university} error={errors.university} autoComplete="organization" />
          <TextField id="component" name="component" label="Composante" hint="UFR, institut ou école, par exemple INSPE" defaultValue={values.component} error={errors.component} />
          <TextField id="program" name="program" label="Formation" hint="Par exemple : Sciences de l'éducation" defaultValue={values.program} error={errors.program} />
          <TextField id="curriculum" name="curriculum" label={<>Cursus{needs?.university ? star : null}</>} hint="Par exemple : MEEF" defaultValue={values.curriculum} error={errors.curriculum} />
          <SelectField
            id="level"
            name="level"
            label={<>Niveau d&apos;inscription{needs?.university ? star : null}</>}
            options={levelOptions.map((level) => ({ value: level, label: level }))}
            defaultValue={values.level}
            error={errors.level}
          />
          <TextField
            id="ine"
            name="ine"
            label="INE (identifiant national étudiant)"
            hint="11 caractères, sur votre carte d'étudiant. Exemple : 2068113589L"
            defaultValue={values.ine}
            error={errors.ine}
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
          />
        </div>
      </Fieldset>

      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
