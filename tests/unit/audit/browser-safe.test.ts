/**
 * The audit core runs in the coming audit page and its worker as well as in the CLI, so it must not
 * reach for Node or for the CLI's code: reading files stays in scripts/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../../../utils/audit');

describe('the audit core', () => {
  it('imports nothing from Node, scripts/ or tests/', () => {
    const offenders = readdirSync(DIR)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(path.join(DIR, f), 'utf8').matchAll(/from\s+'([^']+)'/g)]
          .map((m) => m[1] as string)
          .filter(
            (spec) =>
              spec.startsWith('node:') ||
              /(^|\/)(scripts|tests)\//.test(spec) ||
              ['fs', 'path', 'os'].includes(spec),
          )
          .map((spec) => `${f} imports ${spec}`),
      );
    expect(offenders, 'move file reading to scripts/commands/audit-*.ts').toEqual([]);
  });
});
