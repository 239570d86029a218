export * from './lib/apollo-client';
export * from './lib/describe-error';
export * from './lib/operations/code-page.operations';
export * from './lib/operations/pricing.operations';
export type { CodePageQuery as CodePageQueryResult, CodePageQueryVariables, CodeNcciEditsQuery as CodeNcciEditsQueryResult, PriceQuery as PriceQueryResult, PriceInput } from './generated/graphql';
