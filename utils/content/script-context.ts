/**
 * WXT's ContentScriptContext without its page-visible handshake (issue 14, finding 5). WXT 0.21 tells an
 * older copy of a content script to stop by `window.postMessage({ type: "<extension id>:<script>:wxt:
 * content-script-started", ... }, "*")` and a CustomEvent on `document`, and stops when it hears one:
 * every page learns the extension's id (a fingerprint), and a page that dispatches that event shuts the
 * script down (banner gone, no re-scan).
 *
 * Here the handshake stays inside the content scripts' own world: the live context of each script is
 * kept on the isolated world's global object, which pages cannot see or write, and a new copy stops the
 * old one directly. A copy left behind by an extension update stops by WXT's own check (`isValid` asks
 * whether the extension context is still there). Nothing is posted to the page and no page event is
 * listened to.
 *
 * Why a local wrapper rather than a patch of node_modules: the fix is two overridden methods, it survives
 * `npm ci` without a patch step, and the build swaps it in for WXT's class wherever WXT's generated entry
 * point imports it (scripts/wxt-modules/safe-script-context.ts). Check both when WXT is upgraded.
 */
import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

const LIVE = Symbol.for('recall-sentinel.live-content-scripts');

type Live = Map<string, ContentScriptContext>;

function liveContexts(): Live {
  const global = globalThis as { [LIVE]?: Live };
  global[LIVE] ??= new Map();
  return global[LIVE];
}

const nameOf = (ctx: WxtContentScriptContext): string =>
  (ctx as unknown as { contentScriptName: string }).contentScriptName;

export class ContentScriptContext extends WxtContentScriptContext {
  /** Called by WXT's constructor: stops an older live copy of this script in this world, quietly. */
  override stopOldScripts(): void {
    const older = liveContexts().get(nameOf(this));
    if (older && older !== this) older.notifyInvalidated();
  }

  /** Called by WXT's constructor: registers this copy as the live one, in this world only. */
  override listenForNewerScripts(): void {
    const live = liveContexts();
    const name = nameOf(this);
    live.set(name, this);
    this.onInvalidated(() => {
      if (live.get(name) === this) live.delete(name);
    });
  }
}
