/** An activation or roll-back of a reference edition, as the api reports it (GraphQL ReleaseSwitch). */
export interface ReleaseSwitchFacts {
  active: string;
  replaced: string | null;
  /** False: what is live now is the "not loaded" state of a release that was new. */
  activeLoaded: boolean;
  /** False: the replaced edition was that state; null: nothing was replaced. */
  replacedLoaded: boolean | null;
}

/** The switch in one sentence, the same on the staff page and in the release CLI. */
export function releaseSwitchWords(change: ReleaseSwitchFacts, how: 'activated' | 'rolled back'): string {
  if (how === 'rolled back') {
    return change.activeLoaded
      ? `${change.active} is live again; ${change.replaced} is now the roll-back target.`
      : `${change.replaced} is no longer loaded (it was new); rolling back again restores it.`;
  }
  if (change.replaced === null) return `${change.active} is live.`;
  return change.replacedLoaded ? `${change.active} is live; ${change.replaced} is kept for a roll-back.` : `${change.active} is live; it was not loaded before, so a roll-back unloads it.`;
}
