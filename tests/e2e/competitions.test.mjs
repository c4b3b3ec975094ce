// Browser test of a competition's life: the demo organiser creates an edition, sets up its stages,
// groups, categories and rubric (meeting a refused save on the way), announces it and extends its
// registration deadline; a visitor reads the public page. axe-core finds nothing serious or
// critical on the set-up, extension and public pages.
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

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const WIB_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

// A datetime-local value some days from now, in WIB: the server's clock decides deadlines.
function wibInput(days, time) {
  const local = new Date(Date.now() + days * DAY_MS + WIB_MS).toISOString().slice(0, 11);
  return `${local}${time}`;
}

async function submit(page, name) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name, exact: true }).click()]);
}

async function saved(page) {
  assert.match(await page.getByRole('status').first().textContent(), /Perubahan disimpan/);
}

test('an organiser sets up, announces and extends a competition; the public reads it', async (t) => {
  const { page } = await openPage(t, browser, server);
  await signIn(page, 'demo.penyelenggara', server.accounts['demo.penyelenggara'].password);

  await page.goto('/kompetisi');
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/kompetisi/baru'),
    page.getByRole('link', { name: 'Buat kompetisi baru' }).click(),
  ]);
  assert.equal(await heading(page), 'Kompetisi baru');
  await page.getByLabel('Tahun').fill('2031');
  await page.getByLabel('Nama kompetisi').fill('Kompetisi Inovasi Pelayanan Publik (KIPP) 2031');
  await page.getByLabel('Tema', { exact: true }).fill('Inovasi yang berdampak bagi warga');
  await submit(page, 'Buat draf kompetisi');
  assert.match(pathOf(page), /^\/kompetisi\/\d+\/atur$/);
  const base = pathOf(page).replace(/\/atur$/, '');
  assert.match(await page.getByRole('status').first().textContent(), /Draf kompetisi dibuat/);
  await screenshot(page, 'setup-new');
  await assertAccessible(assert, page, 'the set-up page of a new edition');

  const registration = page.getByRole('group', { name: 'Pendaftaran proposal' });
  await registration.getByLabel('Dibuka (WIB)').fill(wibInput(-1, '08:00'));
  await registration.getByLabel('Ditutup (batas pengiriman proposal) (WIB)').fill(wibInput(30, '12:00'));
  await submit(page, 'Simpan tahapan');
  await saved(page);

  const umum = page.getByRole('group', { name: 'Umum', exact: true });
  await umum.getByLabel('Buka kelompok ini').check();
  await umum.getByLabel('Usia minimal inovasi (bulan)').fill('24');
  await umum.getByLabel('Paling banyak proposal per instansi').fill('10');
  await submit(page, 'Simpan kelompok');
  await saved(page);

  await page.getByRole('group', { name: 'Kategori 1' }).getByLabel('Nama kategori').fill('Pelayanan Publik yang Inklusif dan Berkeadilan');
  const clusters = page.getByRole('group', { name: 'Klaster peserta' });
  await clusters.getByLabel('Provinsi').check();
  await clusters.getByLabel('Kota').check();
  await submit(page, 'Simpan kategori dan klaster');
  await saved(page);

  // Weights that do not sum to 100 are refused, with what was typed kept.
  const rubric = page.locator('#rubrik');
  const aspect = async (n, title, weight) => {
    const row = rubric.getByRole('group', { name: `Aspek ${n}`, exact: true });
    await row.getByLabel('Aspek', { exact: true }).fill(title);
    await row.getByLabel('Bobot (%)').fill(String(weight));
    await row.getByLabel('Nilai terendah').fill('1');
    await row.getByLabel('Nilai tertinggi').fill('10');
  };
  await aspect(1, 'Kebaruan', 40);
  await aspect(2, 'Kemanfaatan', 50);
  await submit(page, 'Simpan aspek penilaian');
  assert.match(await page.locator('#rubrik').textContent(), /Jumlah bobot 90; harus tepat 100\./);
  await screenshot(page, 'setup-rubric-error');
  await assertAccessible(assert, page, 'the set-up page with a refused rubric');
  await rubric.getByRole('group', { name: 'Aspek 2', exact: true }).getByLabel('Bobot (%)').fill('60');
  await submit(page, 'Simpan aspek penilaian');
  await saved(page);

  await Promise.all([
    page.waitForURL((url) => url.pathname === base),
    page.getByRole('button', { name: 'Umumkan kompetisi', exact: true }).click(),
  ]);
  assert.match(await page.getByRole('status').first().textContent(), /Kompetisi diumumkan/);
  assert.match(await page.locator('main').textContent(), /Pendaftaran dibuka sampai \d+ \S+ \d{4} pukul 12\.00 WIB/);

  await Promise.all([
    page.waitForURL((url) => url.pathname === `${base}/perpanjang`),
    page.getByRole('link', { name: 'Perpanjang batas waktu' }).click(),
  ]);
  await assertAccessible(assert, page, 'the extension page');
  await page.getByLabel('Batas waktu baru (WIB)').fill(wibInput(34, '23:59'));
  await page.getByLabel('Alasan dan dasar perpanjangan').fill('Surat Deputi Bidang Pelayanan Publik B/188/PP.00.05/2031');
  await Promise.all([
    page.waitForURL((url) => url.pathname === base),
    page.getByRole('button', { name: 'Perpanjang batas waktu' }).click(),
  ]);
  const main = await page.locator('main').textContent();
  assert.match(main, /Batas waktu diperpanjang dan dicatat/);
  assert.match(main, /Batas pendaftaran diperpanjang dari \d+ \S+ \d{4} ke \d+ \S+ \d{4} pukul 23\.59 WIB\./);
  assert.match(main, /B\/188\/PP\.00\.05\/2031/);

  // A visitor, signed out, reads the announced competition.
  const visitor = (await openPage(t, browser, server)).page;
  await visitor.goto('/kompetisi');
  await Promise.all([
    visitor.waitForURL((url) => url.pathname === base),
    visitor.getByRole('link', { name: /KIPP\) 2031/ }).click(),
  ]);
  const shown = await visitor.locator('main').textContent();
  assert.match(shown, /Pendaftaran dibuka sampai \d+ \S+ \d{4} pukul 23\.59 WIB/);
  assert.match(shown, /Inovasi sudah diterapkan paling sedikit 2 tahun sebelum penutupan pendaftaran/);
  assert.match(shown, /Paling banyak 10 proposal dari setiap instansi\./);
  assert.equal(await visitor.getByRole('link', { name: 'Atur kompetisi' }).count(), 0);
  await screenshot(visitor, 'public-page');
  await assertAccessible(assert, visitor, 'the public page of the edition');
});

test('the competition pages are accessible in English too', async (t) => {
  const { page } = await openPage(t, browser, server, { lang: 'en' });
  await page.goto('/kompetisi');
  assert.equal(await heading(page), 'Public Service Innovation Competitions');
  await assertAccessible(assert, page, 'the list of competitions (en)');
});
