/** Router state a queue row hands to the report it opens: the queue's filters, to go back to. */
export interface QueueReturn {
  queueSearch: string;
}

/** The queue as the moderator left it, or the whole queue when the report was opened directly. */
export function queueLink(state: unknown): string {
  const search = (state as Partial<QueueReturn> | null)?.queueSearch;
  return typeof search === 'string' && search !== '' ? `/staff?${search}` : '/staff';
}
