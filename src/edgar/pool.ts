// Runs an async function over items, at most `concurrency` at a time, started in item order. Stops
// starting new items once `signal` is aborted or an item throws; always waits for the running ones to
// settle, so nothing a caller cleans up after is still writing when it returns.

export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  // One iterator shared by the workers: each takes the next item; leaving a loop closes it for all.
  const queue = items.entries();
  const errors: unknown[] = [];
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) {
      if (signal?.aborted || errors.length > 0) break;
      try {
        await work(item, index);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (errors.length > 0) throw errors[0];
}
