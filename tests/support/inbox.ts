import type { CaughtMessage } from "../../scripts/services/mail-catcher";

/** Reads the SMTP catcher of a test stack through its JSON API, as a person reads a mailbox. */
export function inboxClient(inboxUrl: string) {
  async function all(): Promise<CaughtMessage[]> {
    const response = await fetch(`${inboxUrl}/api/messages`);
    if (!response.ok) throw new Error(`inbox answered ${response.status}`);
    return (await response.json()) as CaughtMessage[];
  }

  return {
    all,
    async to(address: string): Promise<CaughtMessage[]> {
      return (await all()).filter((message) => message.to.includes(address.toLowerCase()));
    },
    /** Waits for a mail to `address` matching `predicate`; fails after `timeoutMs`. */
    async waitFor(
      address: string,
      predicate: (message: CaughtMessage) => boolean = () => true,
      timeoutMs = 10_000,
    ): Promise<CaughtMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await all()).find((m) => m.to.includes(address.toLowerCase()) && predicate(m));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
