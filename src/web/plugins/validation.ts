import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function ajv(coerceTypes: boolean): Ajv {
  const instance = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: true,
    allErrors: false,
    strict: false,
  });
  addFormats.default(instance);
  return instance;
}

// Paths and query strings are text, so numbers and booleans there are read from it; JSON bodies
// carry real types, and a wrong one is refused rather than quietly converted.
const fromText = ajv(true);
const fromJson = ajv(false);

/** Validates bodies strictly and the path and query with type coercion. */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? fromJson : fromText).compile(schema);
