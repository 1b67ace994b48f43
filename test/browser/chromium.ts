// Real Chromium for browser tests: Debian's package, driven by playwright-core (never a
// downloaded browser). Where none is installed the browser tests say so loudly and are left
// out; under CI=true a missing browser fails the run, so CI always runs them.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);

if (!chromiumPath) {
  const message = 'NO CHROMIUM: browser tests are left out. Install it with `apt-get install chromium` (or set CHROMIUM_PATH).';
  if (process.env.CI === 'true') throw new Error(`${message} CI must run them.`);
  console.warn(`\n${'!'.repeat(80)}\n${message}\n${'!'.repeat(80)}\n`);
}

export const hasChromium = !!chromiumPath;

// Playwright gives every launch a fresh, empty profile directory of its own.
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** A phone: 360 px wide, touch, like the cheap Android phones at a count. */
export const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
