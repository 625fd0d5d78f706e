/**
 * A real browser for the browser tests: Debian's Chromium driven by playwright-core. Playwright never
 * downloads a browser here; when /usr/bin/chromium is missing (a fresh CI machine, running as root),
 * `ensureChromium()` installs Debian's package with apt-get. Concurrent test files serialise the install
 * through a lock directory, so only one apt-get runs.
 *
 * Usable as a vitest globalSetup too (the default export), which installs once before any worker starts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LOCK = join(tmpdir(), 'siloscope-chromium-install.lock');
const LOCK_STALE_MS = 15 * 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock(): void {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // the holder released it meanwhile
      }
      sleep(500);
    }
  }
}

/** Installs Debian's chromium with apt-get when /usr/bin/chromium is missing; returns its path. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  acquireLock();
  try {
    if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
    if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
      throw new Error(`${CHROMIUM_PATH} is missing and this is not a Debian-like machine; install Chromium there (the tests never download a browser).`);
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args: string[]) => execFileSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], { stdio: 'inherit', env, timeout: 20 * 60_000 });
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']);
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing.`);
    return CHROMIUM_PATH;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** Closes the browser and removes its profile folder. */
  close(): Promise<void>;
}

/** Headless Chromium with a fresh, throw-away profile. */
export async function launchChromium(options: Pick<LaunchOptions, 'timeout'> & { viewport?: { width: number; height: number } } = {}): Promise<LaunchedChromium> {
  const executablePath = ensureChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'siloscope-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    timeout: options.timeout ?? 60_000,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export default function setup(): void {
  ensureChromium();
}
