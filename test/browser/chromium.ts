// Real Chromium for browser tests: Debian's package, driven by playwright-core (never a
// downloaded browser). Where none is installed the browser tests say so loudly and are left
// out; under CI=true a missing browser fails the run, so CI always runs them.
import { spawn } from 'node:child_process';
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
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
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
      ...extraArgs,
    ],
  });
}

/** A phone: 360 px wide, touch, like the cheap Android phones at a count. */
export const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * Chromium as its own process on a profile folder of the test's, so the test can kill it
 * outright (SIGKILL, as a dead battery or the phone's OS does) and start it again on the
 * same profile, with whatever the browser had written to disk by then.
 */
export async function launchKillableChromium(profile: string): Promise<{ browser: Browser; kill(): Promise<void> }> {
  const child = spawn(
    chromiumPath!,
    ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${said}`)), 20_000);
    child.stderr!.on('data', (chunk) => {
      said += chunk;
      const match = said.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) (clearTimeout(timer), resolve(match[1]!));
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`Chromium exited (${code}): ${said}`))));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    browser,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        // The whole process group: the browser and its renderers die together, unwarned.
        process.kill(-child.pid!, 'SIGKILL');
      }),
  };
}
