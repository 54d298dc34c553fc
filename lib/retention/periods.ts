/**
 * The fixed periods of the retention rules, pure (the "Données personnelles" page states them
 * without loading the job's code). The periods an admin sets live in the settings.
 */

/** Days between a retention notice and the deletion it announces (the date itself: lib/renewals/rules deletionDate). */
export const retentionNoticeDays = 30;

/**
 * Days a delivered or abandoned mail's row (address, subject, outcome) is kept, for support and
 * as the proof a retention notice was delivered (deletions come `retentionNoticeDays` after it).
 */
export const deliveredMailRetentionDays = 45;
