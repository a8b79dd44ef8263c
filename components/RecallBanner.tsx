/**
 * The in-page warning, rendered inside a closed shadow root on the shopping page. Props only: the
 * content script decides when to show it. Text from pages and feeds is only ever rendered as text.
 *
 * On cart and order pages it opens with a summary ("2 of 5 items in your cart have a recall"), one row
 * per affected line with its tier and a button for its details, shown below. Once the shopper scrolls
 * past it (`pinned`, from the content script's IntersectionObserver) it folds into a one-line bar fixed at
 * the top, which opens the details on click, Enter or Space; its box keeps its height in the page, so
 * nothing below it moves.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  authorityName,
  describeCaveat,
  describeEvidence,
  formatDate,
  matchMeaning,
  TIER_LABEL,
} from '../utils/recall-index/explain';
import type { RecalledWhere } from '../utils/recalled-where';
import type { PageType, Recall, RecallMatch } from '../utils/schemas';
import { i18n } from '../utils/ui-language/i18n';

export interface BannerEntry {
  match: RecallMatch;
  recall: Recall;
  /** The product on the page this warning is about (cart rows name the line). */
  productTitle: string | null;
  /** Which listing it is, for "not this product". */
  marketplace: string | null;
  listing: string;
  /** The line's index among the page's items (one per cart or order line; 0 on a product page). */
  line: number;
  /** Where the recall was announced, when that is not the page's own market (utils/recalled-where.ts). */
  where: RecalledWhere | null;
}

export interface RecallBannerProps {
  entries: BannerEntry[];
  /** Cart and order pages get the summary of their lines. */
  pageType: PageType;
  /** How many items the page lists (the "of 5" in the summary). */
  lineCount: number;
  /** Set once the shopper has scrolled past the banner: the height its box keeps in the page. */
  pinned: { height: number } | null;
  /** A row mark was clicked: show that line's details (`seq` tells one click from the next). */
  reveal: { line: number; seq: number } | null;
  onDismiss: () => void;
  /** "Not this product": the shopper says the warning shown is about something else. */
  onNotThis: (entry: BannerEntry) => void;
  /** "Report a safety problem": opens the report page for this line (absent: no link). */
  report?: { label: string; open: (entry: BannerEntry) => void };
}

interface Line {
  line: number;
  title: string | null;
  entries: BannerEntry[];
}

/** Entries grouped by line, lines in page order. */
function linesOf(entries: BannerEntry[]): Line[] {
  const lines = new Map<number, Line>();
  for (const entry of entries) {
    const line = lines.get(entry.line) ?? { line: entry.line, title: entry.productTitle, entries: [] };
    line.entries.push(entry);
    lines.set(entry.line, line);
  }
  return [...lines.values()].sort((a, b) => a.line - b.line);
}

/** The words of a list page: "In your cart: …", and its summary ("2 of 5 items in your cart have a recall"). */
interface ListWords {
  prefix: () => string;
  summary: (affected: number, items: number) => string;
}

const LIST_WORDS: Partial<Record<PageType, ListWords>> = {
  cart: {
    prefix: () => i18n.t('banner.inCart'),
    summary: (affected, items) =>
      items === 1
        ? i18n.t('banner.summaryCartOnly')
        : i18n.t('banner.summaryCart', affected, [String(affected), String(items)]),
  },
  orders: {
    prefix: () => i18n.t('banner.youBought'),
    summary: (affected, items) =>
      items === 1
        ? i18n.t('banner.summaryOrdersOnly')
        : i18n.t('banner.summaryOrders', affected, [String(affected), String(items)]),
  },
};

export function RecallBanner(props: RecallBannerProps) {
  const { entries, pageType, lineCount, pinned, reveal, onDismiss, onNotThis, report } = props;
  const [why, setWhy] = useState(false);
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const details = useRef<HTMLDivElement>(null);
  const focusDetails = useRef(false);

  useEffect(() => {
    if (!reveal) return;
    setSelected(reveal.line);
    setOpen(true);
    focusDetails.current = true;
  }, [reveal?.seq]);
  // Back at its place in the page, the banner shows in full again; the fixed panel folds.
  useEffect(() => {
    if (!pinned) setOpen(false);
  }, [pinned === null]);
  useEffect(() => {
    if (focusDetails.current && details.current) {
      focusDetails.current = false;
      details.current.focus();
    }
  });

  const lines = linesOf(entries);
  const current = lines.find((l) => l.line === selected) ?? lines[0];
  const first = current?.entries[0];
  if (!current || !first) return null;
  const { match, recall } = first;
  const product = recall.products[match.productIndex] ?? recall.products[0];
  const more = current.entries.length - 1;
  const where = LIST_WORDS[pageType];
  const full = !pinned || open;
  const otherLines = lines.length - 1;

  const close = (
    <button type="button" class="close" onClick={onDismiss} aria-label={i18n.t('banner.dismiss')}>
      ×
    </button>
  );

  return (
    <div class="frame" style={pinned ? { height: `${pinned.height}px` } : undefined}>
      <section
        class={`banner tier-${match.tier}${pinned ? ' pinned' : ''}`}
        role="alert"
        aria-label={i18n.t('banner.label')}
      >
        {pinned && (
          <div class="slim">
            <button
              type="button"
              class="slim-toggle"
              aria-expanded={open}
              aria-controls="recall-details"
              onClick={() => setOpen(!open)}
            >
              <span class="icon small" aria-hidden="true">
                !
              </span>
              <span class="tier">{TIER_LABEL[match.tier]}</span>
              <span class="slim-product">
                {current.title ?? recall.title}
                {where && otherLines > 0 && ` ${i18n.t('banner.moreItems', otherLines)}`}
              </span>
              <span class="slim-action">
                {open ? i18n.t('banner.hideDetails') : i18n.t('banner.showDetails')}
              </span>
            </button>
            {close}
          </div>
        )}
        {full && (
          <div class="full" id="recall-details" ref={details} tabIndex={-1}>
            <div class="icon" aria-hidden="true">
              !
            </div>
            <div class="body">
              {where && (
                <div class="summary">
                  <p class="summary-head">{where.summary(lines.length, lineCount)}</p>
                  <ul class="summary-lines">
                    {lines.map((l) => {
                      const top = l.entries[0] as BannerEntry;
                      const shown = l === current;
                      return (
                        <li key={l.line} class={shown ? 'shown' : undefined}>
                          <span class="summary-title">{l.title ?? top.recall.title}</span>
                          <span class="summary-meta">
                            {TIER_LABEL[top.match.tier]} · {i18n.t('banner.recalls', l.entries.length)}
                          </span>
                          <button
                            type="button"
                            class="link"
                            aria-current={shown ? 'true' : undefined}
                            onClick={() => {
                              setSelected(l.line);
                              setWhy(false);
                            }}
                          >
                            {shown ? i18n.t('banner.detailsBelow') : i18n.t('banner.showDetails')}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              )}
              <p class="kicker">
                <span class="tag">{i18n.t('banner.tag')}</span>
                <span class="tier">{TIER_LABEL[match.tier]}</span>
                <span class="authority">
                  {authorityName(recall)} · {formatDate(recall.published)}
                </span>
              </p>
              {where && current.title && (
                <p class="line item">
                  <strong>{i18n.t('banner.labelled', [where.prefix()])}</strong> {current.title}
                </p>
              )}
              <h2 class="title">{recall.title}</h2>
              {first.where && (
                <p class={`line recalled-where where-${first.where.kind}`} data-where={first.where.kind}>
                  {first.where.text}
                </p>
              )}
              {recall.hazard && (
                <p class="line">
                  <strong>{i18n.t('banner.labelled', [i18n.t('banner.hazard')])}</strong> {recall.hazard}
                </p>
              )}
              {recall.remedy && (
                <p class="line">
                  <strong>{i18n.t('banner.labelled', [i18n.t('banner.remedy')])}</strong> {recall.remedy}
                </p>
              )}
              {match.caveats.map((c) => (
                <p class="caveat" key={c.kind}>
                  {describeCaveat(c)}
                </p>
              ))}
              {why && (
                <div class="why">
                  <p class="why-head">{matchMeaning(match)}</p>
                  <ul>
                    {match.evidence.map((e) => (
                      <li key={`${e.kind}:${e.pageValue}`}>{describeEvidence(e)}</li>
                    ))}
                  </ul>
                  {product && product.models.length > 0 && (
                    <p class="line">{i18n.t('banner.modelsInNotice', [product.models.join(', ')])}</p>
                  )}
                  {recall.units && <p class="line">{i18n.t('banner.units', [recall.units])}</p>}
                </div>
              )}
              <p class="actions">
                {recall.url && (
                  <a class="primary" href={recall.url} target="_blank" rel="noopener noreferrer">
                    {i18n.t('banner.official')}
                  </a>
                )}
                <button type="button" class="link" onClick={() => setWhy(!why)} aria-expanded={why}>
                  {why ? i18n.t('banner.hideWhy') : i18n.t('banner.why')}
                </button>
                <button type="button" class="link not-this" onClick={() => onNotThis(first)}>
                  {i18n.t('banner.notThis')}
                </button>
                {report && (
                  <button type="button" class="link report" onClick={() => report.open(first)}>
                    {report.label}
                  </button>
                )}
                {more > 0 && (
                  <span class="more">
                    {where ? i18n.t('banner.moreRecallsItem', more) : i18n.t('banner.moreRecalls', more)}
                  </span>
                )}
              </p>
            </div>
            {!pinned && close}
          </div>
        )}
      </section>
    </div>
  );
}
