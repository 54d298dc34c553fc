"use client";

import { UnexpectedError } from "@/components/layout/unexpected-error";

/** A page that failed inside the site's frame (header and footer still there). */
export default function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <UnexpectedError digest={error.digest} retry={retry} />;
}
