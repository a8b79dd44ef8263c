/** The messages between the audit page and its lookup worker (lookup-worker.ts), by structured clone. */
import type { LookupResult } from '@/utils/recall-index/query';
import type { ProductIdentity } from '@/utils/schemas';

export interface LookupRequest {
  id: number;
  identities: ProductIdentity[];
}

export type LookupAnswer =
  | { id: number; ok: true; result: LookupResult }
  | { id: number; ok: false; message: string };
