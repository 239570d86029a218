import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

const DECIMAL = /^-?\d+(\.\d+)?$/;

function serializeDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value)) {
    return value;
  }
  if (value !== null && typeof value === 'object' && typeof (value as { toFixed?: unknown }).toFixed === 'function') {
    // decimal.js (ours and Prisma's): toString may use exponent notation for tiny values; toFixed never does.
    const text = (value as { toFixed(): string }).toFixed();
    if (DECIMAL.test(text)) return text;
  }
  throw new GraphQLError(`Decimal cannot represent ${typeof value === 'number' ? 'a binary float' : 'this value'}: ${String(value)}`);
}

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value.trim())) {
    return value.trim();
  }
  throw new GraphQLError(`Decimal must be a string such as "109.65"; got ${JSON.stringify(value)}`);
}

/**
 * Exact decimal numbers (money, RVUs, GPCIs, conversion factors) travel as strings such as
 * "109.65", never as JSON numbers, so no client ever sees a binary float.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "109.65" or "32.3465". Never a binary float.',
  serialize: serializeDecimal,
  parseValue: parseDecimal,
  parseLiteral(ast: ValueNode): string {
    if (ast.kind === Kind.STRING) {
      return parseDecimal(ast.value);
    }
    throw new GraphQLError('Decimal must be written as a string such as "109.65"');
  },
});
