/**
 * Monitoring: a saved audit of a real catalog (generic.csv) re-run after a sync against the starter
 * index (real CPSC and openFDA notices). A sync that adds nothing announces nothing; one that adds a
 * notice naming a listing's barcode announces that finding once. The added notice is hand-made
 * (tests/unit/support/factories.ts), naming the tea kettle's EAN 6901234567892, which no real notice has.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStarterIndex } from '../../../scripts/commands/audit-index';
import { auditRows, memoryBatchLookup } from '../../../utils/audit/audit';
import { AuditMonitor, monitorNotification, savedAuditFrom } from '../../../utils/audit/audit-monitor';
import type { Finding } from '../../../utils/audit/finding';
import { type SavedAudit, SavedAuditStore } from '../../../utils/audit/saved-audit';
import type { MemoryIndex } from '../../../utils/recall-index/memory-index';
import { recall } from '../support/factories';
import { readFixture } from './read-fixture';

let index: MemoryIndex;
beforeAll(async () => {
  index = (await loadStarterIndex()).index;
}, 60_000);

const catalog = readFixture('generic.csv');
let dbCount = 0;

async function monitored() {
  const store = await SavedAuditStore.open(`audit-monitor-test-${dbCount++}`);
  const first = auditRows(catalog.rows, catalog.mapping, index);
  await store.put(
    savedAuditFrom({ name: 'generic.csv', ...catalog }, first, new Date('2026-12-01T00:00:00Z')),
  );
  const told: Array<{ fresh: Finding[]; audit: SavedAudit }> = [];
  const monitor = new AuditMonitor({
    store: async () => store,
    lookup: memoryBatchLookup(index),
    notify: async (fresh, audit) => {
      told.push({ fresh, audit });
    },
    now: () => new Date('2026-12-05T00:00:00Z'),
  });
  return { store, monitor, told, first };
}

describe('the monitored audit', () => {
  it('announces nothing when a sync brings no new finding, and records the re-audit', async () => {
    const { store, monitor, told, first } = await monitored();
    expect(await monitor.recheck()).toEqual([]);
    expect(told).toEqual([]);
    expect((await store.get())?.lastRun).toEqual({
      at: '2026-12-05T00:00:00.000Z',
      findings: first.findings.length,
      newFindings: 0,
    });
  });

  it('announces a new notice naming a listing once, and not again on the next sync', async () => {
    const { monitor, told } = await monitored();
    index.add(
      recall('27-001', {
        name: 'Hearthside Stovetop Tea Kettles',
        brands: ['Hearthside'],
        gtins: ['06901234567892'],
      }),
    );
    const fresh = await monitor.recheck();
    expect(fresh.map((f) => [f.tier, f.recallId, f.sku])).toEqual([
      ['confirmed', 'cpsc:27-001', 'TEA-KETTLE-1'],
    ]);
    expect(told).toHaveLength(1);
    expect(told[0]?.audit.lastRun?.newFindings).toBe(1);
    expect(await monitor.recheck()).toEqual([]);
    expect(told).toHaveLength(1);
  });

  it('does nothing when no catalog is monitored', async () => {
    const store = await SavedAuditStore.open(`audit-monitor-test-${dbCount++}`);
    const monitor = new AuditMonitor({
      store: async () => store,
      lookup: memoryBatchLookup(index),
      notify: async () => {
        throw new Error('nothing to announce');
      },
    });
    expect(await monitor.recheck()).toEqual([]);
  });

  it('keeps the catalog as saved, rows and columns, in its own database', async () => {
    const { store } = await monitored();
    const saved = await store.get();
    expect(saved?.rows).toEqual(catalog.rows);
    expect(saved?.mapping).toEqual(catalog.mapping);
    expect(saved?.format).toBe('csv');
  });

  it('words the notification with the catalog, the listing and the recall', () => {
    const finding = {
      title: 'Stovetop Tea Kettle',
      sku: 'TEA-KETTLE-1',
      row: 6,
      recallTitle: 'Kettles recalled',
    } as Finding;
    expect(monitorNotification([finding], { name: 'generic.csv' })).toEqual({
      title: 'A listing in generic.csv has a recall',
      message: 'Stovetop Tea Kettle: Kettles recalled',
    });
    expect(monitorNotification([finding, finding], { name: 'generic.csv' }).title).toBe(
      '2 listings in generic.csv have a recall',
    );
  });
});
