/**
 * Cell suppression over every number the stats publish. A cell is a set of reports (by index);
 * a relation says a parent cell is exactly the union of disjoint children (a view's total and its
 * reasons; the all-payers CO-97 cell and the CO-97 cells of each payer type; an appeal level and
 * its outcomes). The rules, applied until nothing changes:
 *  1. primary: a cell backed by fewer than `threshold` distinct submitters is withheld;
 *  2. complementary: for every relation whose parent is published, what the published children do
 *     not cover (parent minus children, which anyone can compute) must be empty or itself backed
 *     by `threshold` submitters; otherwise the smallest published child is withheld too.
 * So no withheld group of fewer than `threshold` submitters can be worked out by subtraction,
 * within a view, across views (filters) or between a breakdown and its refinement.
 */
export interface Cell {
  readonly id: string;
  readonly key: string;
  readonly members: readonly number[];
  readonly submitters: number;
  published: boolean;
}

export interface Relation {
  readonly parent: Cell;
  readonly children: readonly Cell[];
}

export function makeCell(id: string, key: string, members: readonly number[], submitterOf: readonly string[], threshold: number): Cell {
  const submitters = distinct(members, submitterOf);
  return { id, key, members, submitters, published: submitters >= threshold };
}

export function distinct(members: Iterable<number>, submitterOf: readonly string[]): number {
  const seen = new Set<string>();
  for (const m of members) seen.add(submitterOf[m]);
  return seen.size;
}

/** The members of the parent that no published child covers. */
export function remainder(relation: Relation): number[] {
  const covered = new Set<number>();
  for (const child of relation.children) if (child.published) for (const m of child.members) covered.add(m);
  return relation.parent.members.filter((m) => !covered.has(m));
}

/** Withheld child: fewest reports first, then the later key, so results never depend on input order. */
function smallestPublished(children: readonly Cell[]): Cell | null {
  let best: Cell | null = null;
  for (const c of children) {
    if (!c.published) continue;
    if (!best || c.members.length < best.members.length || (c.members.length === best.members.length && c.key > best.key)) best = c;
  }
  return best;
}

/**
 * Applies complementary suppression to a fixpoint. `onWithheld` lets the caller cascade (a view
 * whose total is withheld withholds all its cells) and returns any further cells it withheld.
 */
export function suppress(relations: readonly Relation[], submitterOf: readonly string[], threshold: number, onWithheld: (cell: Cell) => Cell[] = () => []): void {
  const byCell = new Map<string, Relation[]>();
  for (const r of relations) {
    for (const c of [r.parent, ...r.children]) {
      const list = byCell.get(c.id);
      if (list) list.push(r);
      else byCell.set(c.id, [r]);
    }
  }
  const queue = [...relations];
  const queued = new Set<Relation>(queue);
  const withhold = (cell: Cell) => {
    const pending = [cell];
    while (pending.length > 0) {
      const c = pending.pop() as Cell;
      if (!c.published) continue;
      c.published = false;
      pending.push(...onWithheld(c));
      for (const r of byCell.get(c.id) ?? []) {
        if (!queued.has(r)) {
          queued.add(r);
          queue.push(r);
        }
      }
    }
  };
  while (queue.length > 0) {
    const relation = queue.shift() as Relation;
    queued.delete(relation);
    if (!relation.parent.published) continue;
    const rest = remainder(relation);
    if (rest.length === 0 || distinct(rest, submitterOf) >= threshold) continue;
    const child = smallestPublished(relation.children);
    if (child) {
      withhold(child);
      if (!queued.has(relation)) {
        queued.add(relation);
        queue.push(relation);
      }
    }
  }
}
