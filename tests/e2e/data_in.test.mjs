// Browser tests of data coming in: the demo local admin (Kalimantan Utara) creates an API token,
// sees it once, lets a program create an innovation with it, and revokes it; then imports a
// spreadsheet, first meeting the dry run's list of problems, then importing a clean file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAccessible,
  heading,
  openPage,
  pathOf,
  screenshot,
  signIn,
  useServerAndBrowser,
} from './support.mjs';
import { designText } from './innovations.mjs';

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

async function localAdmin(t) {
  const { page } = await openPage(t, browser, server);
  await signIn(page, 'demo.adminlokal', server.accounts['demo.adminlokal'].password);
  assert.equal(pathOf(page), '/akun');
  return page;
}

async function createInnovation(token, body) {
  return fetch(`${server.baseURL}/api/v1/innovations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

test('a local admin creates a token, a program writes with it, the admin revokes it', async (t) => {
  const page = await localAdmin(t);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/token-api'),
    page.getByRole('link', { name: 'Token API', exact: true }).click(),
  ]);
  assert.equal(await heading(page), 'Token API');
  await page.getByLabel('Nama token').fill('Sinkronisasi uji peramban');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Buat token' }).click()]);
  const token = await page.getByLabel('Token', { exact: true }).inputValue();
  assert.match(token, /^simpul_[0-9a-f]{48}$/);
  await screenshot(page, 'token-created');
  await assertAccessible(assert, page, 'token page with a new token');

  const unitId = Number(
    await page.getByRole('row').filter({ hasText: 'Dinas Kependudukan dan Pencatatan Sipil' })
      .getByRole('cell').first().textContent(),
  );
  const created = await createInnovation(token, {
    unit_id: unitId,
    fields: { name: 'Antrean Daring Disdukcapil' },
  });
  assert.equal(created.status, 201, await created.clone().text());
  assert.equal((await created.json()).status, 'draft');

  // Shown once: after reloading, only its beginning is listed.
  await page.goto('/token-api');
  assert.equal(await page.getByLabel('Token', { exact: true }).count(), 0);
  const row = page.getByRole('row').filter({ hasText: 'Sinkronisasi uji peramban' });
  assert.match(await row.textContent(), new RegExp(token.slice(0, 12)));
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/token-api'),
    row.getByRole('button', { name: /Cabut/ }).click(),
  ]);
  assert.match(await page.getByRole('status').first().textContent(), /Token telah dicabut/);
  const refused = await createInnovation(token, { unit_id: unitId, fields: { name: 'Sesudah dicabut' } });
  assert.equal(refused.status, 401);
});

function csvCell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
function csvFile(rows) {
  const header = ['nama', 'unit', 'bentuk', 'jenis', 'tahap', 'rancang_bangun'];
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

async function upload(page, name, content, button) {
  await page.getByLabel('Berkas CSV atau XLSX').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(content, 'utf8'),
  });
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button }).click()]);
}

test('a local admin checks a spreadsheet, sees every problem, then imports a clean one', async (t) => {
  const page = await localAdmin(t);
  await page.goto('/inovasi/saya');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/inovasi/impor'),
    page.getByRole('link', { name: 'Impor inovasi', exact: true }).click(),
  ]);
  await assertAccessible(assert, page, 'import page');

  const design = designText('jemput bola');
  await upload(page, 'salah.csv', csvFile([
    ['Layanan Keliling Malinau', 'Dinas Kependudukan dan Pencatatan Sipil', 'pelayanan_publik', 'digital', 'penerapan', design],
    ['Layanan Keliling Nunukan', 'Dinas Kependudukan dan Pencatatan Sipil', 'pelayanan_publik', 'digital', 'selesai', design],
  ]), 'Periksa saja');
  const problems = page.getByRole('table', { name: 'Masalah per baris dan kolom' });
  const cells = (await problems.getByRole('row').nth(1).getByRole('cell').allTextContents()).map((s) => s.trim());
  assert.equal(cells[0], '3');
  assert.equal(cells[1], 'tahap');
  await screenshot(page, 'import-problems');
  await assertAccessible(assert, page, 'import page with problems');

  const clean = csvFile([
    ['Layanan Keliling Malinau', 'Dinas Kependudukan dan Pencatatan Sipil', 'pelayanan_publik', 'digital', 'penerapan', design],
    ['Layanan Keliling Nunukan', 'Unit Layanan Perbatasan', 'Pelayanan publik', 'non_digital', 'uji coba', design],
  ]);
  await upload(page, 'benar.csv', clean, 'Periksa saja');
  assert.match(await page.getByRole('status').first().textContent(), /Semua 2 baris siap diimpor/);
  assert.match(await page.locator('main').textContent(), /Unit Layanan Perbatasan/);
  await upload(page, 'benar.csv', clean, 'Impor sekarang');
  assert.equal(pathOf(page), '/inovasi/saya');
  assert.match(await page.getByRole('status').first().textContent(), /Impor selesai/);
  for (const name of ['Layanan Keliling Malinau', 'Layanan Keliling Nunukan']) {
    assert.equal(await page.getByRole('link', { name, exact: true }).count(), 1, name);
  }
});
