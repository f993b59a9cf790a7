// Opens a baogong report.html from a file:// URL in Debian's headless
// Chromium (driven by playwright-core; no browser is downloaded) and prints,
// as one JSON object on standard output, what the browser saw: every
// request made, console messages and page errors, and for each chart its
// title and the SVG elements that carry its data. The Rust test
// (tests/integration/browser.rs) judges the facts; this script only fails
// when the browser cannot be started or the page cannot be loaded.
//
//   node report.mjs REPORT_HTML [SCREENSHOT_PNG]
//
// Environment: BAOGONG_CHROMIUM, the browser (default /usr/bin/chromium).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [file, screenshot] = process.argv.slice(2);
if (!file) {
  console.error('usage: node report.mjs REPORT_HTML [SCREENSHOT_PNG]');
  process.exit(2);
}
const url = pathToFileURL(resolve(file)).href;
const executablePath = process.env.BAOGONG_CHROMIUM || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'baogong-chromium-'));

const requests = [];
const console_ = [];
const pageErrors = [];
const failed = [];
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    offline: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1000, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('console', (m) => console_.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const response = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  const facts = await page.evaluate(() => {
    const attr = (e, a) => e.getAttribute(a);
    const figures = [...document.querySelectorAll('figure.chart')].map((f) => {
      const svg = f.querySelector('svg');
      const all = (sel) => (svg ? [...svg.querySelectorAll(sel)] : []);
      const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      return {
        id: f.id,
        kind: f.dataset.kind,
        series: Number(f.dataset.series),
        points: Number(f.dataset.points),
        title: f.querySelector('figcaption')?.textContent.trim() ?? '',
        note: f.querySelector('p.note')?.textContent.trim() ?? '',
        svg: Boolean(svg),
        width: box.width,
        height: box.height,
        polylines: all('polyline').map((p) => ({
          stroke: attr(p, 'stroke'),
          points: p.points.numberOfItems,
        })),
        rects: all('rect').map((r) => ({
          fill: attr(r, 'fill'),
          width: Number(attr(r, 'width')),
          height: Number(attr(r, 'height')),
        })),
        polygons: all('polygon').length,
        circles: all('circle').length,
        lines: all('line').length,
        texts: all('text').map((t) => t.textContent.trim()).filter((t) => t),
      };
    });
    const refs = [...document.querySelectorAll('[src], [href]')]
      .map((e) => e.getAttribute('src') ?? e.getAttribute('href'))
      .filter((u) => !u.startsWith('#'));
    return {
      title: document.title,
      lang: document.documentElement.lang,
      h1: document.querySelector('h1')?.textContent.trim() ?? '',
      sections: [...document.querySelectorAll('section')].map((s) => s.id),
      figures,
      timelineRows: document.querySelectorAll('table.timeline tbody tr').length,
      closureRows: document.querySelectorAll('table.closures tbody tr').length,
      scripts: document.scripts.length,
      refs,
      bodyText: document.body.innerText.length,
    };
  });
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  process.stdout.write(
    JSON.stringify({
      url,
      status: response ? response.status() : null,
      requests,
      failed,
      console: console_,
      pageErrors,
      ...facts,
    }) + '\n',
  );
} catch (e) {
  console.error(`cannot open ${url} in ${executablePath}: ${e}`);
  process.exitCode = 1;
} finally {
  if (context) {
    await context.close();
  }
  rmSync(userDataDir, { recursive: true, force: true });
}
