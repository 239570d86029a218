import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { InvalidInputError } from '@denialmap/shared/errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already seen.' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<T>(nodeType: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String) cursor!: string;
    @Field(() => nodeType) node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many nodes match in all pages.' }) totalCount!: number;
  }
  return Connection;
}

/** A page request with its cursor decoded and its size checked. */
export interface PageRequest {
  offset: number;
  limit: number;
}

const PREFIX = 'offset:';

export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

/** `first` checked: 1 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when absent. */
export function pageSize(first: number | null | undefined): number {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InvalidInputError('first', `first must be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  return limit;
}

export function pageRequest(args: ConnectionArgs): PageRequest {
  const limit = pageSize(args.first);
  if (args.after === undefined || args.after === null) {
    return { offset: 0, limit };
  }
  const decoded = Buffer.from(args.after, 'base64url').toString('utf8');
  const offset = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidInputError('after', 'after is not a cursor from this list.');
  }
  return { offset: offset + 1, limit };
}

/** Wraps one page of nodes (already sliced with pageRequest) as a Relay connection. */
export function toConnection<T>(nodes: T[], request: PageRequest, totalCount: number): ConnectionShape<T> {
  const edges = nodes.map((node, i) => ({ cursor: encodeOffsetCursor(request.offset + i), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: request.offset + nodes.length < totalCount,
      hasPreviousPage: request.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** A connection over keyset cursors the caller made (e.g. from the sort key of each node). */
export function toKeysetConnection<T>(edges: Edge<T>[], page: { hasNextPage: boolean; hasPreviousPage: boolean; totalCount: number }): ConnectionShape<T> {
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
