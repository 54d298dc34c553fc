"use client";

import { useEffect, useRef, type ReactNode } from "react";

const alertTones = {
  info: "border-france bg-info-light",
  warning: "border-warning bg-warning-light",
  caution: "border-warning bg-caution-light",
  error: "border-marianne bg-marianne-light",
  success: "border-success bg-success-light",
} as const;

/**
 * A boxed message with a coloured left rule. `role` only where the message answers something
 * the person just did (saved, deleted, refused, a link followed): such a message is focused
 * when it appears, so keyboard and screen-reader users start from it instead of the page top.
 */
export function Alert({
  tone = "info",
  title,
  children,
  role,
}: {
  tone?: keyof typeof alertTones;
  title?: string;
  children: ReactNode;
  role?: "alert" | "status";
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (role) ref.current?.focus();
  }, [role]);
  return (
    <div ref={ref} role={role} tabIndex={role ? -1 : undefined} className={`border-l-4 px-4 py-3 ${alertTones[tone]}`}>
      {title ? <p className="font-bold">{title}</p> : null}
      <div className={title ? "mt-1" : undefined}>{children}</div>
    </div>
  );
}

/** What a form's last submission gave: a success (announced) or a refusal (alerted), or nothing. */
export function FormOutcome({ success, error }: { success?: string | null; error?: string | null }) {
  if (error) {
    return (
      <Alert tone="error" role="alert">
        {error}
      </Alert>
    );
  }
  return success ? (
    <Alert tone="success" role="status">
      {success}
    </Alert>
  ) : null;
}
