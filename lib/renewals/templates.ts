/** Outbox template names of the renewal mails (no imports: the applications module needs them too). */
export const noticeTemplate = "renewal-notice";
export const reminderTemplate = "renewal-reminder";
export const renewalTemplates = [noticeTemplate, reminderTemplate];
