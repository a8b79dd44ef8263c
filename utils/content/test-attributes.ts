/**
 * Whether our page hosts (the banner, row marks) carry recall ids, tiers and scan timings as attributes.
 * They are for the tests and the bench, which run the demo build: a page can read its own DOM, so in a
 * production build it sees none of them (issue 14, finding 5), only that a banner is there.
 */
export const TEST_ATTRIBUTES: boolean = import.meta.env.MODE !== 'production';
