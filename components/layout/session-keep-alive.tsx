"use client";

import { useEffect } from "react";

const pingEveryMs = 5 * 60_000;

/**
 * Sessions end after an hour without activity. Page views alone cannot renew the session
 * cookie (server components cannot set cookies), so while the person is active on the page —
 * typing a long form, scrolling — this asks the session endpoint, at most every five minutes,
 * which renews it. An idle or closed tab lets the session expire.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = 0;
    const ping = () => {
      const now = Date.now();
      if (now - last < pingEveryMs) return;
      last = now;
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => {});
    };
    ping();
    const events = ["keydown", "pointerdown", "scroll"] as const;
    for (const event of events) window.addEventListener(event, ping, { passive: true });
    return () => {
      for (const event of events) window.removeEventListener(event, ping);
    };
  }, []);
  return null;
}
