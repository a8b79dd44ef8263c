/** The toolbar badge for a verdict: loud for a warning, quiet otherwise, never a "safe" tick. */
import type { VerdictStatus } from '../messaging';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export function badgeFor(status: VerdictStatus): Badge {
  switch (status) {
    case 'warning':
      return { text: '!', color: '#b3261e', title: 'Recall Sentinel: this product matches a recall' };
    case 'possible':
      return {
        text: '?',
        color: '#8a5a00',
        title: 'Recall Sentinel: a possible recall match; open for details',
      };
    case 'unreadable':
      return {
        text: '',
        color: '#5f6368',
        title: "Recall Sentinel: couldn't read product identifiers on this page",
      };
    case 'no-match':
      return {
        text: '',
        color: '#5f6368',
        title: 'Recall Sentinel: no recall found for this product in our index',
      };
    case 'not-product':
      return { text: '', color: '#5f6368', title: 'Recall Sentinel' };
  }
}
