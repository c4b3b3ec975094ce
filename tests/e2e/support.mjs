// Shared helpers of the browser tests: a Simpul server on a fresh data folder, a headless
// Chromium through playwright-core, an axe-core check and screenshots for humans.
//
// Run from the repository root:
//   SIMPUL_BINARY=build/release/simpul SIMPUL_SCREENSHOTS=/tmp/e2e-shots node --test tests/e2e/
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

// Servers still running when the process ends (a crash, a failing hook): killed and cleaned up
// synchronously so no stray server or temp folder outlives the test run.
const running = new Set();
process.on('exit', () => {
  for (const server of running) {
    try {
      server.process.kill('SIGKILL');
    } catch {
      // already gone
    }
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
});

function binaryPath() {
  const configured = process.env.SIMPUL_BINARY || 'build/release/simpul';
  return path.resolve(repoRoot, configured);
}

const DEMO_LINE = /^ {2}(\S+) {2}(\S+) {2}\((.+)\)\s*$/;
const SERVING_LINE = /Simpul serving http:\/\/([^/:]+):(\d+)\//;

/**
 * Starts `simpul serve --demo` on port 0 with a fresh temporary data folder and waits until
 * /healthz answers 200. Resolves to
 *   { baseURL, port, accounts: { 'demo.penyelenggara': { password, role }, ... }, output(), stop() }.
 */
export async function startServer() {
  const binary = binaryPath();
  if (!fs.existsSync(binary)) {
    throw new Error(`Simpul binary not found at ${binary} (set SIMPUL_BINARY, relative to ${repoRoot})`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-e2e-'));
  const child = spawn(
    binary,
    ['serve', '--demo', '--port', '0', '--address', '127.0.0.1', '--data-dir', dataDir, '--home', repoRoot],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  const server = { process: child, dataDir };
  running.add(server);

  let log = '';
  const accounts = {};
  let inDemoList = false;
  let resolvePort;
  const portKnown = new Promise((resolve) => {
    resolvePort = resolve;
  });
  const readLines = (stream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      log += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        if (line.startsWith('Demo accounts')) {
          inDemoList = true;
          continue;
        }
        const demo = inDemoList && DEMO_LINE.exec(line);
        if (demo) {
          accounts[demo[1]] = { password: demo[2], role: demo[3] };
          continue;
        }
        if (inDemoList && line.trim() !== '') inDemoList = false;
        const serving = SERVING_LINE.exec(line);
        if (serving) resolvePort({ host: serving[1], port: Number(serving[2]) });
      }
    });
  };
  readLines(child.stdout);
  readLines(child.stderr);

  const exited = once(child, 'exit').then(([code, signal]) => {
    throw new Error(`simpul exited before serving (code ${code}, signal ${signal}):\n${log}`);
  });
  // SIGTERM, wait for the exit (SIGKILL after STOP_TIMEOUT_MS), remove the data folder.
  // Resolves to the exit status, { code, signal }: code 0 after a graceful stop.
  const stop = async () => {
    if (running.has(server)) {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await gone;
        clearTimeout(timer);
      }
      running.delete(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return { code: child.exitCode, signal: child.signalCode };
  };

  try {
    const { host, port } = await withTimeout(
      Promise.race([portKnown, exited]),
      START_TIMEOUT_MS,
      () => `simpul did not report its port within ${START_TIMEOUT_MS} ms:\n${log}`,
    );
    const baseURL = `http://${host}:${port}`;
    await withTimeout(
      Promise.race([waitForHealth(baseURL), exited]),
      START_TIMEOUT_MS,
      () => `${baseURL}/healthz did not answer 200 within ${START_TIMEOUT_MS} ms:\n${log}`,
    );
    exited.catch(() => {}); // from now on an exit is the test's business, not an unhandled error
    for (const name of ['demo.penyelenggara', 'demo.adminlokal']) {
      if (!accounts[name]) throw new Error(`no password for ${name} in the server output:\n${log}`);
    }
    return { baseURL, port, accounts, dataDir, output: () => log, stop };
  } catch (error) {
    exited.catch(() => {});
    await stop();
    throw error;
  }
}

async function waitForHealth(baseURL) {
  for (;;) {
    try {
      const response = await fetch(`${baseURL}/healthz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One headless Chromium for a whole test file. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.SIMPUL_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new browser context (a person with their own cookies) on the server and a page in it.
 * The context is closed when the test `t` ends, whether it passed or not.
 * `lang` ('id' or 'en') presets the language cookie, as if chosen earlier.
 */
export async function openPage(t, browser, server, { lang, ...options } = {}) {
  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'id-ID', ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  t.after(() => context.close());
  if (lang) {
    await context.addCookies([{ name: 'simpul_lang', value: lang, url: server.baseURL }]);
  }
  const page = await context.newPage();
  return { context, page };
}

const AXE_SOURCE = fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page and returns the violations of impact serious or critical. The site's
 * CSP allows only same-origin scripts, so axe is evaluated through the DevTools protocol rather
 * than added as a <script>.
 */
export async function seriousViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.join(' '),
          html: n.html,
          summary: n.failureSummary,
        })),
      })),
    ),
  );
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Human-readable text of axe violations, for assertion messages. */
export function formatViolations(violations, where = '') {
  if (violations.length === 0) return `no serious or critical violations${where ? ` on ${where}` : ''}`;
  const lines = [`${violations.length} serious/critical axe violation(s)${where ? ` on ${where}` : ''}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) {
      lines.push(`    at ${node.target}`);
      lines.push(`      ${node.html}`);
      if (node.summary) lines.push(...node.summary.split('\n').map((s) => `      ${s}`));
    }
  }
  return lines.join('\n');
}

/** Asserts that axe finds nothing serious or critical on the page. */
export async function assertAccessible(assert, page, where) {
  const violations = await seriousViolations(page);
  assert.deepEqual(
    violations.map((v) => v.id),
    [],
    formatViolations(violations, where ?? page.url()),
  );
}

let shotCounter = 0;

/** Saves a full-page screenshot into $SIMPUL_SCREENSHOTS when set; otherwise does nothing. */
export async function screenshot(page, name) {
  const folder = process.env.SIMPUL_SCREENSHOTS;
  if (!folder) return;
  fs.mkdirSync(folder, { recursive: true });
  const prefix = path.basename(process.argv[1] ?? 'e2e', '.mjs').replace(/\.test$/, '');
  shotCounter += 1;
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '');
  const file = path.join(folder, `${prefix}-${String(shotCounter).padStart(2, '0')}-${safe}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true });
  } catch (error) {
    // A screenshot is for people to look at; it must never fail a test.
    console.error(`screenshot ${file} failed: ${error.message}`);
  }
}

/** Signs in through the sign-in form, in Indonesian labels, like a person would. */
export async function signIn(page, username, password) {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/masuk'),
    page.getByRole('button', { name: 'Masuk', exact: true }).click(),
  ]);
}

/** Signs out with the header button (Indonesian) and waits for the signed-out home page. */
export async function signOut(page) {
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.getByRole('button', { name: 'Keluar', exact: true }).click(),
  ]);
  await page.getByRole('link', { name: 'Masuk', exact: true }).waitFor();
}

/** The path of the page's current URL. */
export function pathOf(page) {
  return new URL(page.url()).pathname;
}

/** The text of the page's <h1>, trimmed. */
export async function heading(page) {
  return (await page.getByRole('heading', { level: 1 }).textContent()).trim();
}

/** The value next to a term of a <dl class="facts"> list, trimmed. */
export async function fact(page, term) {
  const dd = page
    .locator('dl.facts dt')
    .filter({ hasText: new RegExp(`^\\s*${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
    .locator('xpath=following-sibling::dd[1]');
  return (await dd.textContent()).trim();
}

/**
 * Runs `action` (a click, a check, a selection) that makes htmx fetch part of the page, and waits
 * until htmx has swapped the answer in and settled it. Resolves to the htmx response. Fails if
 * the page was loaded anew instead of updated in place.
 */
export async function htmxSwap(page, action) {
  await page.evaluate(() => {
    window.simpulSettled = new Promise((resolve) => {
      document.addEventListener('htmx:afterSettle', () => resolve('settled'), { once: true });
    });
  });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().headers()['hx-request'] === 'true'),
    action(),
  ]);
  const settled = await page.evaluate(() => window.simpulSettled);
  if (settled !== 'settled') throw new Error(`htmx did not update ${page.url()} in place`);
  return response;
}

// One server and one browser for a whole test file: started before its first test, stopped after
// its last. `ready` receives them, so the file can keep them in its own variables.
export function useServerAndBrowser(ready) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ready(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}
