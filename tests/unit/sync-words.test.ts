import { describe, expect, it } from 'vitest';
import { outcomeWords, progressWords } from '../../utils/sync-words';
import { speak } from '../support/i18n-setup';

describe("a sync's outcome in words", () => {
  it('counts what an update downloaded, not index versions or shards', () => {
    const o = {
      source: 'published',
      status: 'updated' as const,
      message: 'downloaded index 1796428800: 9969 records in 4 shards',
      records: 9969,
      skipped: 0,
    };
    expect(outcomeWords(o)).toBe('Recall Sentinel index: 9,969 recalls downloaded');
  });

  it('says how many records could not be read, with plural forms', () => {
    const o = { source: 'cpsc', status: 'updated' as const, message: '…', records: 1, skipped: 1 };
    expect(outcomeWords(o)).toBe('CPSC: 1 recall downloaded, 1 record could not be read');
  });

  it('says a failure with its error, and an unchanged source as up to date', () => {
    expect(
      outcomeWords({ source: 'cpsc', status: 'failed', message: 'HTTP 500; the previous index is kept' }),
    ).toBe('CPSC: failed (HTTP 500; the previous index is kept)');
    expect(outcomeWords({ source: 'openfda', status: 'unchanged', message: 'not modified' })).toBe(
      'openFDA: up to date',
    );
  });

  it('speaks Chinese when the browser does', () => {
    speak('zh_CN');
    expect(outcomeWords({ source: 'cpsc', status: 'updated', message: '…', records: 1234 })).toBe(
      'CPSC：已下载 1,234 项召回',
    );
    expect(progressWords({ source: 'cpsc', phase: 'writing', done: 0, total: 1 })).toBe('CPSC：正在保存');
  });
});
