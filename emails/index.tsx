import type { ReactElement } from "react";
import { AccountDeletedEmail, accountDeletedSubject } from "./account-deleted";
import { ApplicationDecisionEmail, applicationDecisionSubject } from "./application-decision";
import { ApplicationMessageEmail, applicationMessageSubject } from "./application-message";
import { ApplicationRenewalOutcomeEmail, applicationRenewalOutcomeSubject } from "./application-renewal-outcome";
import { EmailChangeEmail, emailChangeSubject } from "./email-change";
import { EmailChangeNoticeEmail, emailChangeNoticeSubject } from "./email-change-notice";
import { PasswordChangedEmail, passwordChangedSubject } from "./password-changed";
import { PasswordResetEmail, passwordResetSubject } from "./password-reset";
import { RegistrationAttemptEmail, registrationAttemptSubject } from "./registration-attempt";
import { RenewalNoticeEmail, renewalNoticeSubject } from "./renewal-notice";
import { RetentionNoticeEmail, retentionNoticeSubject } from "./retention-notice";
import { StaffAccountCreatedEmail, staffAccountCreatedSubject } from "./staff-account-created";
import { StaffInvitationEmail, staffInvitationSubject } from "./staff-invitation";
import { StaffSecurityNoticeEmail, staffSecurityNoticeSubject } from "./staff-security-notice";
import { VerifyEmail, verifyEmailSubject } from "./verify-email";

/** Every template with sample data, for `npm run email` (the preview) and template tests. */
export const emailPreviews: { name: string; subject: string; element: ReactElement }[] = [
  {
    name: "staff-account-created",
    subject: staffAccountCreatedSubject(StaffAccountCreatedEmail.PreviewProps.branding),
    element: <StaffAccountCreatedEmail {...StaffAccountCreatedEmail.PreviewProps} />,
  },
  { name: "staff-invitation", subject: staffInvitationSubject(), element: <StaffInvitationEmail {...StaffInvitationEmail.PreviewProps} /> },
  {
    name: "staff-security-notice",
    subject: staffSecurityNoticeSubject(),
    element: <StaffSecurityNoticeEmail {...StaffSecurityNoticeEmail.PreviewProps} />,
  },
  {
    name: "retention-notice",
    subject: retentionNoticeSubject("application"),
    element: <RetentionNoticeEmail {...RetentionNoticeEmail.PreviewProps} />,
  },
  {
    name: "retention-notice-account",
    subject: retentionNoticeSubject("account"),
    element: <RetentionNoticeEmail {...RetentionNoticeEmail.PreviewProps} kind="account" actionUrl="https://recrutement-aesh.ac-exemple.fr/" />,
  },
  { name: "verify-email", subject: verifyEmailSubject(), element: <VerifyEmail {...VerifyEmail.PreviewProps} /> },
  {
    name: "registration-attempt",
    subject: registrationAttemptSubject(),
    element: <RegistrationAttemptEmail {...RegistrationAttemptEmail.PreviewProps} />,
  },
  { name: "password-reset", subject: passwordResetSubject(), element: <PasswordResetEmail {...PasswordResetEmail.PreviewProps} /> },
  {
    name: "password-changed",
    subject: passwordChangedSubject(),
    element: <PasswordChangedEmail {...PasswordChangedEmail.PreviewProps} />,
  },
  { name: "email-change", subject: emailChangeSubject(), element: <EmailChangeEmail {...EmailChangeEmail.PreviewProps} /> },
  {
    name: "email-change-notice",
    subject: emailChangeNoticeSubject(),
    element: <EmailChangeNoticeEmail {...EmailChangeNoticeEmail.PreviewProps} />,
  },
  { name: "account-deleted", subject: accountDeletedSubject(), element: <AccountDeletedEmail {...AccountDeletedEmail.PreviewProps} /> },
  {
    name: "renewal-notice",
    subject: renewalNoticeSubject(RenewalNoticeEmail.PreviewProps),
    element: <RenewalNoticeEmail {...RenewalNoticeEmail.PreviewProps} />,
  },
  {
    name: "renewal-reminder",
    subject: renewalNoticeSubject({ ...RenewalNoticeEmail.PreviewProps, reminder: true }),
    element: <RenewalNoticeEmail {...RenewalNoticeEmail.PreviewProps} reminder />,
  },
  {
    name: "application-message",
    subject: applicationMessageSubject(),
    element: <ApplicationMessageEmail {...ApplicationMessageEmail.PreviewProps} />,
  },
  ...(["in_review", "recruited", "rejected"] as const).map((decision) => ({
    name: `application-decision-${decision}`,
    subject: applicationDecisionSubject(decision),
    element: <ApplicationDecisionEmail {...ApplicationDecisionEmail.PreviewProps} decision={decision} />,
  })),
  ...(["kept", "withdrawn", "deleted"] as const).map((outcome) => ({
    name: `application-${outcome}`,
    subject: applicationRenewalOutcomeSubject(outcome),
    element: <ApplicationRenewalOutcomeEmail {...ApplicationRenewalOutcomeEmail.PreviewProps} outcome={outcome} />,
  })),
];
