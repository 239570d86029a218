import { ApolloServerPlugin, BaseContext, GraphQLRequestContext, HeaderMap } from '@apollo/server';
import { Global, Injectable, Module } from '@nestjs/common';
import type { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';

/**
 * Whole-response memo for read-only queries over versioned reference data (fee schedule
 * releases, CMS and X12 tables). Features register the root fields whose answers depend only on
 * their arguments, the date and the loaded editions, and a version source; a query qualifies only
 * when every root field is registered. The key holds today's date (for "today" defaults), every
 * version, the query text and variables, so an import or a new day is never served stale.
 * Answers with errors are never kept; least-recently-used answers go first.
 */
@Injectable()
export class ReferenceAnswerCache {
  private readonly fields = new Set<string>();
  private readonly versions: (() => Promise<string>)[] = [];
  private readonly entries = new Map<string, FormattedExecutionResult>();
  /** Answers kept (a 20-line claim check is about 13 KB, a code page about 2 KB). */
  capacity = 2_000;
  hits = 0;
  misses = 0;

  register(rootFields: readonly string[], version: () => Promise<string>): void {
    for (const f of rootFields) this.fields.add(f);
    this.versions.push(version);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cache key for a request, or null when the operation may not be cached. */
  async keyFor(operation: OperationDefinitionNode | undefined, query: string | undefined, variables: unknown, today = new Date()): Promise<string | null> {
    if (!operation || operation.operation !== 'query' || !query || this.versions.length === 0) return null;
    const cacheable = operation.selectionSet.selections.every((s) => s.kind === 'Field' && this.fields.has(s.name.value));
    if (!cacheable) return null;
    // No version (e.g. nothing loaded yet) means no caching, never a failed request.
    const versions = await Promise.all(this.versions.map((v) => v())).catch(() => null);
    if (versions === null) return null;
    return `${today.toISOString().slice(0, 10)}|${versions.join('|')}|${query}|${JSON.stringify(variables ?? {})}`;
  }

  get(key: string): FormattedExecutionResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, result: FormattedExecutionResult): void {
    if (result.errors?.length) return;
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  plugin(): ApolloServerPlugin<BaseContext> {
    const keys = new WeakMap<GraphQLRequestContext<BaseContext>, string>();
    return {
      requestDidStart: async () => ({
        responseForOperation: async (context) => {
          const key = await this.keyFor(context.operation, context.request.query, context.request.variables);
          if (key === null) return null;
          const hit = this.get(key);
          if (hit) {
            this.hits++;
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: hit } };
          }
          this.misses++;
          keys.set(context, key);
          return null;
        },
        willSendResponse: async (context) => {
          const key = keys.get(context);
          if (key !== undefined && context.response.body.kind === 'single') this.set(key, context.response.body.singleResult);
        },
      }),
    };
  }
}

@Global()
@Module({ providers: [ReferenceAnswerCache], exports: [ReferenceAnswerCache] })
export class AnswerCacheModule {}
