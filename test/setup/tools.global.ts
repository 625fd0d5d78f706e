/**
 * vitest globalSetup: installs, once and before any worker starts, the system tools the suite drives on a
 * fresh Debian machine — Chromium (browser tests), xmllint (ArchiMate schema validation) and networkx
 * (GraphML/GEXF read-back). Each is a no-op when the tool is already there.
 */
import { ensureChromium } from './chromium.js';
import { ensureNetworkx, ensureXmllint } from './interop-tools.js';

export default function setup(): void {
  ensureChromium();
  ensureXmllint();
  ensureNetworkx();
}
