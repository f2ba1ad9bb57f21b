// A real headless Chromium for page tests: Debian's `chromium` package (.ci/run installs it when it is
// missing), driven with puppeteer-core over the DevTools protocol. CHROMIUM_PATH overrides the path.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH`);
  }
  // --no-sandbox: the tests run as root in a container, where Chromium's sandbox cannot start.
  return puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'] });
}

/** A page that records uncaught errors and console errors, so a test can require there were none. */
export async function openPage(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') errors.push(`console ${message.type()}: ${message.text()}`);
  });
  // Nothing on a kg view page may come from the network.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('file:') || request.url().startsWith('data:')) void request.continue();
    else {
      errors.push(`network request: ${request.url()}`);
      void request.abort();
    }
  });
  await page.setViewport(viewport);
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}
