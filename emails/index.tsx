import type { ReactElement } from "react";
import { StaffAccountCreatedEmail, staffAccountCreatedSubject } from "./staff-account-created";

/** Every template with sample data, for `npm run email` (the preview) and template tests. */
export const emailPreviews: { name: string; subject: string; element: ReactElement }[] = [
  {
    name: "staff-account-created",
    subject: staffAccountCreatedSubject(StaffAccountCreatedEmail.PreviewProps.branding),
    element: <StaffAccountCreatedEmail {...StaffAccountCreatedEmail.PreviewProps} />,
  },
];
