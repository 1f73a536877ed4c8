/**
 * Debian's Chromium for the browser tests and the explorer benchmark, driven
 * by playwright-core (which never downloads a browser of its own). The set-up
 * (`scripts/setup.sh --browser`) installs the package when it runs as root.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a closed network: without the background-networking ones,
 * Chromium keeps trying to reach Google's hosts (updates, sync, field
 * trials), which both fails here and would count as requests leaving the
 * machine.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication',
  '--metrics-recording-only',
  '--mute-audio',
  '--font-render-hinting=none',
];

export class ChromiumMissingError extends Error {
  constructor(executable: string) {
    super(
      `Chromium is not installed at ${executable}. The browser tests drive Debian's Chromium: ` +
        `install it with "sudo apt-get install chromium fonts-noto-cjk" (bash scripts/setup.sh --browser does it when run as root), ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
    this.name = 'ChromiumMissingError';
  }
}

/** The Chromium binary to use: `explicit` (CHROMIUM_PATH) or Debian's; throws a message saying what to install. */
export function findChromium(explicit?: string | null): string {
  const executable = explicit && explicit.length > 0 ? explicit : DEFAULT_CHROMIUM;
  try {
    fs.accessSync(executable, fs.constants.X_OK);
  } catch {
    throw new ChromiumMissingError(executable);
  }
  return executable;
}

/** Headless Chromium with the closed-network flags (and no sandbox when running as root, which Chromium refuses otherwise). */
export function launchChromium(executable: string): Promise<Browser> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({
    executablePath: executable,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(asRoot ? ['--no-sandbox'] : [])],
  });
}
