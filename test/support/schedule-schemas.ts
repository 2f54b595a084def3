import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import formats from 'ajv-formats';
import { readShared, sharedPath } from './shared-files.ts';

export const scheduleXsd = 'schemas/schedule.xml.xsd';
export const scheduleJsonSchema = 'schemas/schedule.schema.json';

/** Debian's libxml2-utils. */
export const xmllint = '/usr/bin/xmllint';
export const xmllintAvailable = existsSync(xmllint);

/** Validates a frab XML document with `xmllint --schema`; returns xmllint's complaints, empty when valid. */
export async function xmlSchemaErrors(xml: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'convene-xml-'));
  const file = join(dir, 'schedule.xml');
  writeFileSync(file, xml);
  try {
    await promisify(execFile)(xmllint, ['--noout', '--schema', sharedPath(scheduleXsd), file]);
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Validates c3voc JSON against the shared draft-06 schema with Ajv, formats included (`color` is the
 * schema's own format: a `#rrggbb` code). Returns Ajv's errors, empty when valid.
 */
export function jsonSchemaErrors(document: unknown): unknown[] {
  validator ??= compileScheduleSchema();
  return validator(document) ? [] : (validator.errors ?? []);
}

let validator: ValidateFunction | undefined;

function compileScheduleSchema(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addMetaSchema(draft06);
  formats.default(ajv);
  ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
  return ajv.compile(JSON.parse(readShared(scheduleJsonSchema)));
}
