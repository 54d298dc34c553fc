import type { ReactNode } from "react";

const tones = {
  info: "border-france bg-info-light",
  warning: "border-warning bg-warning-light",
  caution: "border-warning bg-caution-light",
  error: "border-marianne bg-marianne-light",
  success: "border-success bg-success-light",
} as const;

/** A boxed message with a coloured left rule. `role` only where the message appears after an action. */
export function Alert({
  tone = "info",
  title,
  children,
  role,
}: {
  tone?: keyof typeof tones;
  title?: string;
  children: ReactNode;
  role?: "alert" | "status";
}) {
  return (
    <div role={role} className={`border-l-4 px-4 py-3 ${tones[tone]}`}>
      {title ? <p className="font-bold">{title}</p> : null}
      <div className={title ? "mt-1" : undefined}>{children}</div>
    </div>
  );
}
