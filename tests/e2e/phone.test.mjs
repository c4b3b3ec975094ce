// Every page each role reaches by following links, on a cheap phone (360 px) and a desktop
// (1280 px), with and without JavaScript: none scrolls sideways, the signed-in header stays short
// on the phone, and on the phone with JavaScript axe-core finds nothing serious.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatViolations, openPage, seriousViolations, signIn, useServerAndBrowser } from './support.mjs';

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const ROLES = ['public', 'demo.penyelenggara', 'demo.adminlokal', 'demo.unit', 'demo.hub', 'demo.evaluator', 'demo.panelis'];
// Pages a link may reach that are not pages: files, exports, the API, signing out.
const NOT_A_PAGE = /\/(keluar|ekspor|unduh|berkas)(\/|$)|\.(csv|xlsx|json|pdf|svg|png|js|css|txt)$|^\/static\/|^\/api\//;
const MAX_PAGES = 70;
const MAX_HEADER_PX = 80; // of a 740 px phone screen, the menu folded

// One address per page kind: /kompetisi/5 and /kompetisi/7 are the same template; the first two
// of a kind are visited, variants that differ only in their query string once.
function kindOf(href) {
  return new URL(href, 'http://x').pathname.replace(/\d+/g, 'N');
}

async function crawl(page, visit) {
  const queue = ['/', '/akun'];
  const seenKinds = new Map();
  const seen = new Set();
  let visited = 0;
  while (queue.length > 0 && visited < MAX_PAGES) {
    const href = queue.shift();
    const kind = kindOf(href);
    const count = seenKinds.get(kind) ?? 0;
    if (seen.has(href) || count >= 2 || (count >= 1 && href.includes('?'))) continue;
    seen.add(href);
    seenKinds.set(kind, count + 1);
    const response = await page.goto(href);
    if (!response || response.status() >= 400 || !new URL(page.url()).pathname.startsWith('/')) continue;
    visited += 1;
    await visit(href);
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
    for (const link of links) {
      if (!link.startsWith('/') || link.startsWith('//') || NOT_A_PAGE.test(link.split(/[?#]/)[0])) continue;
      const clean = link.split('#')[0];
      if (!seen.has(clean)) queue.push(clean);
    }
  }
  return visited;
}

for (const width of [360, 1280]) {
  for (const javaScript of [true, false]) {
    describe(`${width} px, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
      for (const role of ROLES) {
        test(role, async (t) => {
          const { page } = await openPage(t, browser, server, {
            viewport: { width, height: 740 },
            javaScriptEnabled: javaScript,
          });
          if (role !== 'public') await signIn(page, role, server.accounts[role].password);
          const sideways = [];
          const tall = [];
          const inaccessible = [];
          const visited = await crawl(page, async (href) => {
            const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
            if (scrollWidth > width) sideways.push(`${href} (${scrollWidth} px)`);
            if (width === 360) {
              const header = await page.evaluate(() => document.querySelector('header.site').getBoundingClientRect().height);
              if (header > MAX_HEADER_PX) tall.push(`${href} (${Math.round(header)} px)`);
              if (javaScript) {
                const violations = await seriousViolations(page);
                if (violations.length > 0) inaccessible.push(formatViolations(violations, href));
              }
            }
          });
          assert.ok(visited >= (role === 'public' ? 10 : 15), `${role} reached ${visited} pages`);
          assert.deepEqual(sideways, [], `pages that scroll sideways at ${width} px`);
          assert.deepEqual(tall, [], `headers taller than ${MAX_HEADER_PX} px`);
          assert.deepEqual(inaccessible, [], 'axe-core violations');
        });
      }
    });
  }
}
