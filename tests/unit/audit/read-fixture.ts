/** Reads a catalog fixture (tests/fixtures/catalogs/) as the audit does. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ReadCatalogOptions, readCatalog } from '../../../utils/audit/read-catalog';

export const CATALOGS = path.resolve(import.meta.dirname, '../../fixtures/catalogs');

export const fixtureBytes = (name: string): Uint8Array => readFileSync(path.join(CATALOGS, name));

export const readFixture = (name: string, options: ReadCatalogOptions = {}) =>
  readCatalog(fixtureBytes(name), { name, ...options });

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);
