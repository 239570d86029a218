export * from './lib/apollo-client';
export * from './lib/describe-error';
export * from './lib/operations/code-page.operations';
export type { CodePageQuery as CodePageQueryResult, CodePageQueryVariables, CodeNcciEditsQuery as CodeNcciEditsQueryResult } from './generated/graphql';
