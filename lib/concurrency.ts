/**
 * Runs `work` over `items`, at most `lanes` at a time (the daily job's applications, a batch's
 * mails over a pooled mailer). One item's failure neither stops the others mid-way nor is lost:
 * every error is thrown together at the end.
 */
export async function forEachConcurrently<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item).catch((error: unknown) => void errors.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
  if (errors.length) throw new AggregateError(errors, `${errors.length} item(s) failed: ${errors.map((e) => (e instanceof Error ? e.message : String(e))).join("; ")}`);
}
