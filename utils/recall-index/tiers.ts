/**
 * Which match tiers warn on the page. Its own module because the content scripts need it and must not
 * carry the matcher (match.ts and the notice grammar it reads) into every page.
 */
import type { MatchTier } from '../schemas';

/** Tiers that put a warning banner on the page; "possible" is shown in the popup only. */
export const BANNER_TIERS: readonly MatchTier[] = ['confirmed', 'likely'];
