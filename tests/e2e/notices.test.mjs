// Browser tests of the inbox and the email outbox, with axe-core: the demo organiser sees the
// unread count in the account menu, opens the inbox, marks a notice read, and reads the outbox
// (no SMTP server is configured, so the emails wait there). No page creates notices (the features
// do, inside their changes), so this test writes them into the server's SQLite file as notify()
// would, with Debian's python3.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { assertAccessible, heading, openPage, screenshot, signIn, useServerAndBrowser } from './support.mjs';

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

// Two notices (the newest unread) and two emails (one waiting, one failed) for the user.
const SEED = `
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=10)
user, email, name = db.execute(
    "SELECT id, email, CASE WHEN full_name = '' THEN username ELSE full_name END FROM users "
    "WHERE username = ?", (sys.argv[2],)).fetchone()
now = int(time.time())
for i, (key, link, read_at) in enumerate([
        ("notice.import_drafts", "/inovasi/saya", now - 60),
        ("notice.import_published", "/katalog", None)]):
    db.execute("INSERT INTO notices (user_id, message_key, args_json, link, created_at, read_at) "
               "VALUES (?, ?, '{}', ?, ?, ?)", (user, key, link, now - 120 + i, read_at))
for i, (status, attempts, error, next_at) in enumerate([
        ("pending", 0, "", now), ("failed", 6, "Couldn't connect to server", None)]):
    db.execute("INSERT INTO email_outbox (user_id, recipient, recipient_name, message_key, "
               "args_json, link, message_id, status, attempts, last_error, next_attempt_at, "
               "created_at) VALUES (?, ?, ?, 'notice.import_published', '{}', '/katalog', ?, ?, "
               "?, ?, ?, ?)",
               (user, email or "penyelenggara@example.go.id", name, "e2e%d" % i, status,
                attempts, error, next_at, now - 60))
db.commit()
`;

function seedNotices(username) {
  execFileSync('/usr/bin/python3', ['-c', SEED, path.join(server.dataDir, 'simpul.db'), username]);
}

test('the organiser reads the inbox, marks a notice read and sees the outbox', async (t) => {
  seedNotices('demo.penyelenggara');
  const { page } = await openPage(t, browser, server);
  await signIn(page, 'demo.penyelenggara', server.accounts['demo.penyelenggara'].password);

  const inboxLink = page.getByRole('link', { name: 'Kotak masuk 1 belum dibaca', exact: true });
  await Promise.all([page.waitForURL((url) => url.pathname === '/kotak-masuk'), inboxLink.click()]);
  assert.equal(await heading(page), 'Kotak masuk');
  await page.getByText('1 belum dibaca dari 2 pemberitahuan.').waitFor();
  await screenshot(page, 'inbox');
  await assertAccessible(assert, page, 'inbox with an unread notice');

  await Promise.all([
    page.waitForURL((url) => url.pathname === '/kotak-masuk'),
    page.getByRole('button', { name: /^Tandai sudah dibaca\s*: Impor selesai: semua baris telah terbit/ }).click(),
  ]);
  await page.getByRole('status').filter({ hasText: 'Pemberitahuan sudah ditandai dibaca.' }).waitFor();
  await page.getByText('0 belum dibaca dari 2 pemberitahuan.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Kotak masuk', exact: true }).count(), 1, 'no count left');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/katalog'),
    page.getByRole('link', { name: /^Impor selesai: semua baris telah terbit/ }).click(),
  ]);

  await Promise.all([
    page.waitForURL((url) => url.pathname === '/email-keluar'),
    page.getByRole('link', { name: 'Email keluar', exact: true }).click(),
  ]);
  assert.equal(await heading(page), 'Email keluar');
  await page.getByText('Server SMTP belum diatur').waitFor();
  await screenshot(page, 'outbox');
  await assertAccessible(assert, page, 'outbox');
  await page.getByLabel('Status').selectOption('gagal');
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('status') === 'gagal'),
    page.getByRole('button', { name: 'Tampilkan', exact: true }).click(),
  ]);
  const rows = page.locator('tbody tr');
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), /Gagal[\s\S]*6[\s\S]*Couldn't connect to server/);
  await assertAccessible(assert, page, 'outbox filtered by status');
});

test('the inbox and outbox in English', async (t) => {
  const { context, page } = await openPage(t, browser, server);
  await signIn(page, 'demo.penyelenggara', server.accounts['demo.penyelenggara'].password);
  await context.addCookies([{ name: 'simpul_lang', value: 'en', url: server.baseURL }]);
  await page.goto('/kotak-masuk');
  assert.equal(await heading(page), 'Inbox');
  await assertAccessible(assert, page, 'inbox in English');
  await page.goto('/email-keluar');
  assert.equal(await heading(page), 'Outgoing email');
  await assertAccessible(assert, page, 'outbox in English');
});

test('a local admin has an inbox but no outbox', async (t) => {
  const { page } = await openPage(t, browser, server);
  await signIn(page, 'demo.adminlokal', server.accounts['demo.adminlokal'].password);
  // The demo's past edition told the agency of its finalists and results.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/kotak-masuk'),
    page.getByRole('navigation', { name: 'Menu akun' }).getByRole('link', { name: /^Kotak masuk/ }).click(),
  ]);
  assert.match(await page.locator('main').textContent(), /edisi lalu/);
  await assertAccessible(assert, page, 'the inbox');
  assert.equal((await page.goto('/email-keluar')).status(), 403);
});
