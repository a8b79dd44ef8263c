import { describe, expect, it } from 'vitest';
import { MemoryIndex } from '../../../utils/recall-index/memory-index';
import { identity, recall } from '../support/factories';

const ids = (index: MemoryIndex, gtin: string) =>
  index.lookup(identity({ brand: 'Vevor', gtins: [gtin] })).map((m) => m.recallId);

describe('the recall index in memory', () => {
  it('finds every recall filed under a shared key, and each once', () => {
    const index = new MemoryIndex([
      recall('1', { brands: ['Vevor'], gtins: ['00850012345671'] }),
      recall('2', { brands: ['Vevor'], gtins: ['00850012345671', '00850012345688'] }),
    ]);
    expect(ids(index, '00850012345671').sort()).toEqual(['cpsc:1', 'cpsc:2']);
    expect(ids(index, '00850012345688')).toEqual(['cpsc:2']);
    expect(index.size).toBe(2);
  });

  it('replaces a recall by a newer version: its old keys no longer find it, its new ones do', () => {
    const index = new MemoryIndex([
      recall('1', { brands: ['Vevor'], gtins: ['00850012345671'] }, { version: '2026-01-01' }),
      recall('2', { brands: ['Vevor'], gtins: ['00850012345671'] }),
    ]);
    index.add(recall('1', { brands: ['Vevor'], gtins: ['00850012345688'] }, { version: '2026-02-01' }));
    expect(ids(index, '00850012345671')).toEqual(['cpsc:2']);
    expect(ids(index, '00850012345688')).toEqual(['cpsc:1']);
    expect(index.size).toBe(2);
    expect(index.get('cpsc:1')?.version).toBe('2026-02-01');
  });

  it('keeps a newer version over an older one added later', () => {
    const index = new MemoryIndex([
      recall('1', { brands: ['Vevor'], gtins: ['00850012345671'] }, { version: '2026-02-01' }),
    ]);
    index.add(recall('1', { brands: ['Vevor'], gtins: ['00850012345688'] }, { version: '2026-01-01' }));
    expect(ids(index, '00850012345671')).toEqual(['cpsc:1']);
    expect(ids(index, '00850012345688')).toEqual([]);
  });
});
