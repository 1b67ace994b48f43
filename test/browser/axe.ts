// axe-core's accessibility check on the page as it is now. Evaluated (not added as a script
// tag), so the page's strict Content Security Policy does not stop it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeRun = { violations: { id: string; help: string; nodes: { target: unknown }[] }[] };

/** Each violation as "rule: help (elements)"; an empty list means none. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeRun> } }).axe.run());
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}
