/**
 * "Report a safety problem": a defect report pre-filled from the tab the shopper came from (its verdict,
 * kept by the background: product, listing, matching recall), a screenshot of that tab taken when they
 * clicked (utils/report/open-report.ts), what they add, and where it goes: the destinations ranked by the
 * marketplace's country and theirs (utils/report/routing.ts), both shown and both changeable.
 *
 * Opened as `report.html?tab=<id>[&item=<line>]` from the popup, the banner and the context menu, or as
 * `report.html?view=cases` for the case log alone. Nothing leaves the device until the shopper opens the
 * destination or downloads the package: the "What will be shared" table is exactly what the form and the
 * package get, built from the same report (utils/report/package.ts).
 */

import { Fragment } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { OutboxList, useOutbox } from '@/components/ReportEndpoint';
import type { TabVerdict } from '@/utils/messaging';
import { ask } from '@/utils/messaging/ask';
import { type CaseEntry, CaseLog } from '@/utils/report/case-log';
import {
  DESTINATIONS,
  type Destination,
  type DestinationId,
  type ReportField,
} from '@/utils/report/destinations';
import { screenshotKey } from '@/utils/report/open-report';
import { browserEndpointStore } from '@/utils/report/outbox-browser';
import { type PackageLabels, reportDocument, reportPackage } from '@/utils/report/package';
import {
  copyRows,
  missingPageFields,
  newReportId,
  type PageField,
  type Report,
  reportFromVerdict,
} from '@/utils/report/report';
import { countryFromLocale, ROUTED_COUNTRIES, type RouteReason, routeReport } from '@/utils/report/routing';
import { downscaleImage } from '@/utils/report/screenshot';
import { storefrontOf } from '@/utils/storefront-country';
import { CaseLogView } from './CaseLogView';

const USER_COUNTRY_KEY = 'report-user-country';
/** Own photos per report: enough to show the product, its label and the damage. */
const MAX_PHOTOS = 6;

export function fieldLabel(field: ReportField): string {
  switch (field) {
    case 'reporterType':
      return i18n.t('report.field.reporterType');
    case 'productName':
      return i18n.t('report.field.productName');
    case 'brand':
      return i18n.t('report.field.brand');
    case 'model':
      return i18n.t('report.field.model');
    case 'gtin':
      return i18n.t('report.field.gtin');
    case 'itemId':
      return i18n.t('report.field.itemId');
    case 'seller':
      return i18n.t('report.field.seller');
    case 'pageUrl':
      return i18n.t('report.field.pageUrl');
    case 'purchaseDate':
      return i18n.t('report.field.purchaseDate');
    case 'hazard':
      return i18n.t('report.field.hazard');
    case 'incidentDate':
      return i18n.t('report.field.incidentDate');
    case 'injury':
      return i18n.t('report.field.injury');
    case 'care':
      return i18n.t('report.field.care');
    case 'photos':
      return i18n.t('report.field.photos');
    case 'contact':
      return i18n.t('report.field.contact');
    case 'consent':
      return i18n.t('report.field.consent');
    case 'recall':
      return i18n.t('report.field.recall');
  }
}

const PAGE_FIELD_LABEL: Record<PageField, ReportField> = {
  title: 'productName',
  brand: 'brand',
  model: 'model',
  gtin: 'gtin',
  itemId: 'itemId',
  seller: 'seller',
  pageUrl: 'pageUrl',
};

function reasonLabel(reason: RouteReason | null): string {
  switch (reason) {
    case 'both':
      return i18n.t('report.reasonBoth');
    case 'user':
      return i18n.t('report.reasonUser');
    case 'market':
      return i18n.t('report.reasonMarket');
    case null:
      return '';
  }
}

export function destinationName(d: Destination): string {
  // The Chinese routes by their Chinese names in the Chinese UI, and beside the English one otherwise.
  if (!d.nameZh) return d.name;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? d.nameZh : `${d.name} (${d.nameZh})`;
}

function countryName(code: string | null): string {
  if (!code) return i18n.t('report.countryUnknown');
  try {
    return new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function packageLabels(): PackageLabels {
  const fields = {} as Record<ReportField, string>;
  for (const d of DESTINATIONS) for (const f of d.fields) fields[f.field] = fieldLabel(f.field);
  fields.recall = fieldLabel('recall');
  return {
    heading: i18n.t('report.packageHeading'),
    destination: i18n.t('report.destinationHeading'),
    created: i18n.t('report.created'),
    screenshot: i18n.t('report.screenshotHeading'),
    photos: i18n.t('report.imagesHeading'),
    required: i18n.t('report.required'),
    missing: i18n.t('report.notGiven'),
    fields,
  };
}

function download(name: string, mime: string, data: string | Uint8Array) {
  const blob = new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const readFile = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

type Load =
  | { kind: 'loading' }
  | { kind: 'ready'; report: Report }
  | { kind: 'cases' }
  | { kind: 'error'; message: string };

async function startReport(params: URLSearchParams): Promise<Report> {
  const tabParam = params.get('tab');
  const tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : null;
  const itemParam = params.get('item');
  const item = itemParam && /^\d+$/.test(itemParam) ? Number(itemParam) : 0;
  let verdict: TabVerdict | null = null;
  let screenshot: string | null = null;
  let tabUrl: string | null = null;
  if (tabId !== null) {
    const res = await ask('tab-verdict', { tabId });
    if (res.ok) verdict = res.verdict;
    tabUrl = (await browser.tabs.get(tabId).catch(() => null))?.url ?? null;
    const key = screenshotKey(tabId);
    const shot = (await browser.storage.session.get(key))[key];
    await browser.storage.session.remove(key);
    if (typeof shot === 'string') screenshot = await downscaleImage(shot).catch(() => null);
  }
  const stored = (await browser.storage.local.get(USER_COUNTRY_KEY))[USER_COUNTRY_KEY];
  const userCountry = typeof stored === 'string' ? stored : countryFromLocale(navigator.language);
  const pageUrl = verdict?.page.url ?? tabUrl ?? '';
  return reportFromVerdict({
    id: newReportId((n) => crypto.getRandomValues(new Uint8Array(n))),
    now: new Date(),
    verdict,
    item,
    tabUrl,
    screenshot,
    marketCountry: storefrontOf(verdict?.page.marketplace ?? null, pageUrl).country,
    userCountry,
  });
}

export function App() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const caseLog = useMemo(() => new CaseLog(browser.storage.local), []);
  const [cases, setCases] = useState<CaseEntry[]>([]);
  const endpointStore = useMemo(() => browserEndpointStore(), []);
  const outbox = useOutbox(endpointStore.outbox);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  useEffect(() => {
    void endpointStore.read().then(setEndpoint);
  }, [endpointStore]);

  useEffect(() => {
    const params = new URLSearchParams(location.search);
    void caseLog.list().then(setCases);
    if (params.get('view') === 'cases') {
      setLoad({ kind: 'cases' });
      return;
    }
    startReport(params)
      .then((report) => setLoad({ kind: 'ready', report }))
      .catch((e: unknown) => setLoad({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
  }, [caseLog]);

  return (
    <main class="page report-page">
      {load.kind === 'loading' && <p class="muted">{i18n.t('report.loading')}</p>}
      {load.kind === 'error' && (
        <section data-status="error">
          <h1>{i18n.t('report.title')}</h1>
          <p>{load.message}</p>
        </section>
      )}
      {load.kind === 'ready' && (
        <ReportForm
          initial={load.report}
          onFiled={async (entry) => setCases(await caseLog.add(entry))}
          endpoint={endpoint}
          onSend={(key, url, body) => outbox.add({ key, url, body })}
        />
      )}
      {load.kind === 'cases' && <h1>{i18n.t('report.casesTitle')}</h1>}
      {load.kind !== 'loading' && (
        <CaseLogView
          cases={cases}
          onCaseNumber={async (id, n) => setCases(await caseLog.setCaseNumber(id, n))}
          onRemove={async (id) => setCases(await caseLog.remove(id))}
          destinationName={destinationName}
        />
      )}
      {(endpoint || outbox.items.length > 0) && load.kind !== 'loading' && (
        <section aria-labelledby="outbox-h" data-section="outbox">
          <h2 id="outbox-h">{i18n.t('report.endpoint.outbox')}</h2>
          <OutboxList outbox={outbox} />
        </section>
      )}
    </main>
  );
}

function ReportForm(props: {
  initial: Report;
  onFiled: (entry: CaseEntry) => Promise<void>;
  /** The organisation endpoint set in the options, if any. */
  endpoint: string | null;
  onSend: (key: string, url: string, body: string) => Promise<void>;
}) {
  const [report, setReport] = useState<Report>(props.initial);
  const [addContact, setAddContact] = useState(false);
  const [copied, setCopied] = useState<ReportField | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);

  const route = useMemo(
    () => routeReport({ marketCountry: report.marketCountry, userCountry: report.userCountry }),
    [report.marketCountry, report.userCountry],
  );
  const chosenId: DestinationId | null = report.destination ?? route[0]?.destination.id ?? null;
  const chosen = DESTINATIONS.find((d) => d.id === chosenId) ?? null;
  const shared = useMemo(() => {
    const withContact = addContact ? report : { ...report, contact: null };
    return { report: withContact, rows: chosen ? copyRows(withContact, chosen) : [] };
  }, [report, addContact, chosen]);
  const missing = missingPageFields(report);

  const set = (patch: Partial<Report>) => setReport((r) => ({ ...r, ...patch }));
  const setProduct = (patch: Partial<Report['product']>) =>
    setReport((r) => ({ ...r, product: { ...r.product, ...patch } }));
  const setIncident = (patch: Partial<Report['incident']>) =>
    setReport((r) => ({ ...r, incident: { ...r.incident, ...patch } }));
  const setContact = (patch: Partial<NonNullable<Report['contact']>>) =>
    setReport((r) => ({ ...r, contact: { ...(r.contact ?? { name: '', email: '', phone: '' }), ...patch } }));

  const file = async () => {
    if (!chosen) return;
    await props.onFiled({
      id: report.id,
      destination: chosen.id,
      createdAt: new Date().toISOString(),
      product: (report.product.title || report.product.brand || report.product.pageUrl || report.id).slice(
        0,
        1000,
      ),
      pageUrl: report.product.pageUrl.slice(0, 4000),
      recallId: report.recall?.id ?? null,
      caseNumber: '',
    });
  };

  const openDestination = async () => {
    if (!chosen) return;
    await browser.tabs.create({ url: chosen.url });
    await file();
    setDone(i18n.t('report.openedDestination'));
  };

  const downloadPackage = async () => {
    const final = { ...shared.report, destination: chosen?.id ?? null };
    for (const f of reportPackage(final, chosen, packageLabels())) download(f.name, f.mime, f.data);
    await file();
    setDone(i18n.t('report.downloaded'));
  };

  const sendToEndpoint = async () => {
    if (!props.endpoint) return;
    const final = { ...shared.report, destination: chosen?.id ?? null };
    await props.onSend(report.id, props.endpoint, JSON.stringify(reportDocument(final, chosen)));
    setDone(i18n.t('report.endpoint.queued'));
  };

  const copy = async (field: ReportField, value: string) => {
    await navigator.clipboard.writeText(value);
    setCopied(field);
  };

  const addPhotos = async (files: FileList | null) => {
    setPhotoError(null);
    const list = [...(files ?? [])].filter((f) => f.type.startsWith('image/'));
    const room = MAX_PHOTOS - report.photos.length;
    if (list.length > room) setPhotoError(i18n.t('report.tooManyPhotos', [String(MAX_PHOTOS)]));
    const added = await Promise.all(
      list
        .slice(0, Math.max(0, room))
        .map(async (f) => ({ name: f.name, dataUrl: await downscaleImage(await readFile(f)) })),
    ).catch(() => {
      setPhotoError(i18n.t('report.photoUnreadable'));
      return [];
    });
    setReport((r) => ({ ...r, photos: [...r.photos, ...added] }));
  };

  const text = (
    label: string,
    value: string,
    onInput: (v: string) => void,
    name: string,
    type: 'text' | 'url' | 'date' | 'email' | 'tel' = 'text',
  ) => (
    <label class="field">
      <span>{label}</span>
      {/* Preact types `type` as a union per input kind; one helper covers these text-like kinds. */}
      <input
        type={type as 'text'}
        name={name}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );

  const ranked = route.filter((r) => r.reason !== null);
  const others = route.filter((r) => r.reason === null);

  return (
    <>
      <h1>{i18n.t('report.title')}</h1>
      <p class="privacy" data-testid="privacy">
        {i18n.t('report.privacy')}
      </p>

      <section aria-labelledby="product-h" data-section="product">
        <h2 id="product-h">{i18n.t('report.productHeading')}</h2>
        {missing.length > 0 && (
          <p class="missing" data-testid="missing">
            {i18n.t('report.missing', [missing.map((f) => fieldLabel(PAGE_FIELD_LABEL[f])).join(', ')])}
          </p>
        )}
        <div class="grid">
          {text(fieldLabel('productName'), report.product.title, (v) => setProduct({ title: v }), 'title')}
          {text(fieldLabel('brand'), report.product.brand, (v) => setProduct({ brand: v }), 'brand')}
          {text(fieldLabel('model'), report.product.model, (v) => setProduct({ model: v }), 'model')}
          {text(fieldLabel('gtin'), report.product.gtin, (v) => setProduct({ gtin: v }), 'gtin')}
          {text(fieldLabel('itemId'), report.product.itemId, (v) => setProduct({ itemId: v }), 'itemId')}
          {text(fieldLabel('seller'), report.product.seller, (v) => setProduct({ seller: v }), 'seller')}
          {text(
            fieldLabel('pageUrl'),
            report.product.pageUrl,
            (v) => setProduct({ pageUrl: v }),
            'pageUrl',
            'url',
          )}
          {text(
            fieldLabel('purchaseDate'),
            report.product.purchaseDate,
            (v) => setProduct({ purchaseDate: v }),
            'purchaseDate',
            'date',
          )}
        </div>
        {report.recall ? (
          <p class="recall" data-testid="recall">
            {i18n.t('report.recallFound')}{' '}
            {report.recall.url ? (
              <a href={report.recall.url} target="_blank" rel="noopener noreferrer">
                {report.recall.title}
              </a>
            ) : (
              report.recall.title
            )}{' '}
            <span class="muted">({report.recall.id})</span>
          </p>
        ) : (
          <p class="muted" data-testid="recall">
            {i18n.t('report.noRecall')}
          </p>
        )}
      </section>

      <section aria-labelledby="shot-h" data-section="screenshot">
        <h2 id="shot-h">{i18n.t('report.screenshotHeading')}</h2>
        {report.screenshot ? (
          <figure class="shot">
            <img src={report.screenshot} alt={i18n.t('report.screenshotAlt')} data-testid="screenshot" />
            <button type="button" class="secondary" onClick={() => set({ screenshot: null })}>
              {i18n.t('report.removeScreenshot')}
            </button>
          </figure>
        ) : (
          <p class="muted" data-testid="no-screenshot">
            {i18n.t('report.noScreenshot')}
          </p>
        )}
      </section>

      <section aria-labelledby="what-h" data-section="incident">
        <h2 id="what-h">{i18n.t('report.whatHeading')}</h2>
        <label class="field wide">
          <span>{fieldLabel('hazard')}</span>
          <textarea
            name="hazard"
            rows={4}
            required
            value={report.incident.hazard}
            placeholder={i18n.t('report.hazardHint')}
            onInput={(e) => setIncident({ hazard: e.currentTarget.value })}
          />
        </label>
        <div class="grid">
          {text(
            fieldLabel('incidentDate'),
            report.incident.date,
            (v) => setIncident({ date: v }),
            'incidentDate',
            'date',
          )}
          {text(fieldLabel('injury'), report.incident.injury, (v) => setIncident({ injury: v }), 'injury')}
          {text(fieldLabel('care'), report.incident.care, (v) => setIncident({ care: v }), 'care')}
        </div>
        <label class="field">
          <span>{i18n.t('report.addPhotos')}</span>
          <input
            type="file"
            name="photos"
            accept="image/*"
            multiple
            onChange={(e) => {
              const input = e.currentTarget;
              void addPhotos(input.files).then(() => {
                input.value = '';
              });
            }}
          />
        </label>
        {photoError && <p class="error">{photoError}</p>}
        {report.photos.length > 0 && (
          <ul class="photos">
            {report.photos.map((p, i) => (
              <li key={`${p.name}-${i}`}>
                <img src={p.dataUrl} alt={p.name} />
                <button
                  type="button"
                  class="secondary"
                  onClick={() => set({ photos: report.photos.filter((_, j) => j !== i) })}
                >
                  {i18n.t('report.removePhoto')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="contact-h" data-section="contact">
        <h2 id="contact-h">{i18n.t('report.contactHeading')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={addContact}
            onChange={(e) => setAddContact(e.currentTarget.checked)}
          />{' '}
          {i18n.t('report.addContact')}
        </label>
        {addContact && (
          <div class="grid">
            {text(
              i18n.t('report.contactName'),
              report.contact?.name ?? '',
              (v) => setContact({ name: v }),
              'contactName',
            )}
            {text(
              i18n.t('report.contactEmail'),
              report.contact?.email ?? '',
              (v) => setContact({ email: v }),
              'contactEmail',
              'email',
            )}
            {text(
              i18n.t('report.contactPhone'),
              report.contact?.phone ?? '',
              (v) => setContact({ phone: v }),
              'contactPhone',
              'tel',
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="where-h" data-section="destination">
        <h2 id="where-h">{i18n.t('report.destinationHeading')}</h2>
        <div class="grid">
          <label class="field">
            <span>{i18n.t('report.marketCountry')}</span>
            <select
              name="marketCountry"
              value={report.marketCountry ?? ''}
              onChange={(e) => set({ marketCountry: e.currentTarget.value || null, destination: null })}
            >
              <option value="">{i18n.t('report.countryUnknown')}</option>
              {ROUTED_COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {countryName(c)}
                </option>
              ))}
              {report.marketCountry && !ROUTED_COUNTRIES.includes(report.marketCountry) && (
                <option value={report.marketCountry}>{countryName(report.marketCountry)}</option>
              )}
            </select>
          </label>
          <label class="field">
            <span>{i18n.t('report.userCountry')}</span>
            <select
              name="userCountry"
              value={report.userCountry ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value || null;
                set({ userCountry: v, destination: null });
                void browser.storage.local.set({ [USER_COUNTRY_KEY]: v });
              }}
            >
              <option value="">{i18n.t('report.countryUnknown')}</option>
              {ROUTED_COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {countryName(c)}
                </option>
              ))}
              {report.userCountry && !ROUTED_COUNTRIES.includes(report.userCountry) && (
                <option value={report.userCountry}>{countryName(report.userCountry)}</option>
              )}
            </select>
          </label>
        </div>
        {ranked.length === 0 && <p class="muted">{i18n.t('report.noRoute')}</p>}
        <fieldset class="destinations">
          <legend class="visually-hidden">{i18n.t('report.destinationHeading')}</legend>
          {[...ranked, ...others].map((r, i) => (
            <Fragment key={r.destination.id}>
              {i === ranked.length && others.length > 0 && (
                <p class="others">{i18n.t('report.otherDestinations')}</p>
              )}
              <label class="destination" data-destination={r.destination.id}>
                <input
                  type="radio"
                  name="destination"
                  value={r.destination.id}
                  checked={chosenId === r.destination.id}
                  onChange={() => set({ destination: r.destination.id })}
                />{' '}
                <strong>{destinationName(r.destination)}</strong> — {r.destination.authority}
                {r.reason && <span class="reason"> · {reasonLabel(r.reason)}</span>}
              </label>
            </Fragment>
          ))}
        </fieldset>
        {chosen && <DestinationFacts d={chosen} />}
      </section>

      <section aria-labelledby="shared-h" data-section="shared">
        <h2 id="shared-h">{i18n.t('report.sharedHeading')}</h2>
        <p class="muted">{i18n.t('report.sharedIntro')}</p>
        <table class="shared" data-testid="shared">
          <thead>
            <tr>
              <th scope="col">{i18n.t('report.colField')}</th>
              <th scope="col">{i18n.t('report.colValue')}</th>
              <th scope="col">
                <span class="visually-hidden">{i18n.t('report.copy')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shared.rows.map((row) => (
              <tr key={row.field} data-field={row.field}>
                <th scope="row">
                  {fieldLabel(row.field)}
                  {row.required && <span class="req"> ({i18n.t('report.required')})</span>}
                </th>
                <td class={row.value ? 'value' : 'value empty'}>{row.value || i18n.t('report.notGiven')}</td>
                <td>
                  {row.value && (
                    <button type="button" class="secondary" onClick={() => void copy(row.field, row.value)}>
                      {copied === row.field ? i18n.t('report.copied') : i18n.t('report.copy')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted">
          {shared.report.screenshot || shared.report.photos.length > 0
            ? i18n.t('report.imagesShared', [
                String((shared.report.screenshot ? 1 : 0) + shared.report.photos.length),
              ])
            : i18n.t('report.noImagesShared')}
        </p>
        <div class="actions">
          <button type="button" class="primary" disabled={!chosen} onClick={() => void openDestination()}>
            {i18n.t('report.openForm')}
          </button>
          <button type="button" class="secondary" onClick={() => void downloadPackage()}>
            {i18n.t('report.download')}
          </button>
          {props.endpoint && (
            <button type="button" class="secondary" onClick={() => void sendToEndpoint()}>
              {i18n.t('report.endpoint.send', [new URL(props.endpoint).host])}
            </button>
          )}
        </div>
        {done && (
          <p class="done" role="status">
            {done}
          </p>
        )}
      </section>
    </>
  );
}

function DestinationFacts({ d }: { d: Destination }) {
  return (
    <div class="facts" data-testid="destination-facts">
      <p>
        <a href={d.url} target="_blank" rel="noopener noreferrer">
          {d.url}
        </a>
      </p>
      <p class="muted">
        {i18n.t('report.languages')}: {d.languages.join(', ')}
        {d.deadlines.length > 0 && (
          <>
            {' · '}
            {i18n.t('report.deadlines')}:{' '}
            {d.deadlines
              .map((x) =>
                x.who === 'firm'
                  ? i18n.t('report.deadlineFirm', [String(x.days)])
                  : i18n.t('report.deadlineAuthority', [String(x.days)]),
              )
              .join('; ')}
          </>
        )}
      </p>
      {!d.fieldsSourced && <p class="muted">{i18n.t('report.fieldsGuessed')}</p>}
      <p class="muted">{i18n.t('report.checkForm')}</p>
    </div>
  );
}
