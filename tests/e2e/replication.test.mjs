// Browser tests of replication: the demo local admin of Kalimantan Utara starts replicating Ayo
// Cegah Stunting (Kota Padang) from its profile for the demo unit's office, with the letter of
// interest; the unit's operator records the study visit (a date before the letter is refused
// and what was typed stays) and a mentoring session, on a phone without JavaScript; a visitor
// reads the record, the source's profile, the network page with its map and the demo's 2021
// signing in Sumatera Barat. axe-core on each page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAccessible,
  fact,
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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const SOURCE = 'Ayo Cegah Stunting';

async function signedIn(t, username, options = {}) {
  const { page } = await openPage(t, browser, server, options);
  await signIn(page, username, server.accounts[username].password);
  return page;
}

function isoDay(offset) {
  const day = new Date(Date.now() + offset * 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function press(page, name) {
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}

test('a region records its replication and the public reads the network', async (t) => {
  // The local admin finds the source through the catalogue's profile.
  const admin = await signedIn(t, 'demo.adminlokal');
  await admin.goto(`/katalog?q=${encodeURIComponent(SOURCE)}`);
  await Promise.all([admin.waitForURL(/\/inovasi\/\d+$/), admin.getByRole('link', { name: new RegExp(`^${SOURCE}`) }).first().click()]);
  const profile = pathOf(admin);
  await Promise.all([admin.waitForURL(/\/replikasi\/baru/), admin.getByRole('link', { name: 'Replikasi inovasi ini di instansi Anda' }).click()]);
  assert.equal(await heading(admin), 'Catat replikasi');
  await admin.getByLabel('Unit pelaksana').selectOption({ label: 'Dinas Kependudukan dan Pencatatan Sipil' });
  await admin.getByLabel('Yang dipertahankan dari inovasi sumber').fill('Kelas ibu hamil dan pemantauan balita oleh kader posyandu.');
  await admin.getByLabel('Yang disesuaikan dengan kebutuhan daerah').fill('Kader berperahu ke desa perbatasan; data dicatat luring dan dikirim saat ada sinyal.');
  await admin.getByLabel('Tanggal surat minat').fill(isoDay(-30));
  await admin.getByLabel('Berkas bukti').setInputFiles({ name: 'Surat minat Kaltara.pdf', mimeType: 'application/pdf', buffer: PDF });
  await screenshot(admin, 'replication-start');
  await assertAccessible(assert, admin, 'the start of a replication');
  await press(admin, 'Catat replikasi');
  const record = pathOf(admin);
  assert.match(record, /^\/replikasi\/\d+$/);
  assert.equal(await fact(admin, 'Tahap'), 'Surat minat');
  await admin.getByRole('link', { name: 'Surat minat Kaltara.pdf' }).waitFor();

  // The unit's operator, on a phone without JavaScript, records the study visit.
  const unit = await signedIn(t, 'demo.unit', { viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  await unit.goto(record);
  await unit.getByLabel('Tahap', { exact: true }).selectOption({ label: 'Kaji tiru' });
  await unit.getByLabel('Tanggal', { exact: true }).fill(isoDay(-40));
  const link = 'https://padang.go.id/laporan-kaji-tiru-kaltara';
  await unit.getByLabel('Tautan bukti (bila ada)').fill(link);
  await press(unit, 'Catat tahap');
  const summary = unit.getByRole('alert').filter({ hasText: 'Ada yang perlu dibetulkan' });
  assert.match(await summary.textContent(), /lebih awal dari tahap sebelumnya/);
  assert.equal(await unit.getByLabel('Tautan bukti (bila ada)').inputValue(), link, 'typed text survives a refusal');
  assert.equal(await unit.evaluate(() => document.documentElement.scrollWidth), 360, 'no sideways scroll');
  await screenshot(unit, 'replication-refused-phone');
  await unit.getByLabel('Tanggal', { exact: true }).fill(isoDay(-20));
  await press(unit, 'Catat tahap');
  assert.equal(await fact(unit, 'Tahap'), 'Kaji tiru');
  // A mentoring session, its form folded until opened (without JavaScript too).
  await unit.getByText('Catat sesi pendampingan').click();
  await unit.getByLabel('Tanggal sesi').fill(isoDay(-25));
  await unit.getByLabel('Pendamping dari').selectOption({ label: 'Perguruan tinggi' });
  await unit.getByLabel('Pendamping', { exact: true }).fill('Universitas Andalas');
  await unit.getByLabel('Topik').fill('Menyesuaikan kelas ibu hamil untuk desa perahu');
  await unit.getByLabel('Jumlah peserta').fill('18');
  await press(unit, 'Simpan sesi');
  assert.match(await unit.locator('main').textContent(), /Universitas Andalas/);
  assert.equal(await unit.evaluate(() => document.documentElement.scrollWidth), 360);
  await screenshot(unit, 'replication-record-phone');

  // The public reads the record, the source's profile and the network.
  const { page: visitor } = await openPage(t, browser, server);
  await visitor.goto(record);
  assert.equal(await heading(visitor), `Replikasi ${SOURCE}`);
  assert.equal(await visitor.getByRole('button', { name: 'Catat tahap' }).count(), 0, 'no forms for a visitor');
  await assertAccessible(assert, visitor, 'a replication record');
  await visitor.goto(profile);
  // Among the regions of the demo's 2021 signings, Kalimantan Utara at the stage it reached.
  assert.match(await fact(visitor, 'Jumlah replikasi'), /Direplikasi oleh \d+ daerah lain \(skor indikator replikasi IID 3 dari 3\)/);
  assert.match(await fact(visitor, 'Jumlah replikasi'), /Pemerintah Provinsi Kalimantan Utara · Kaji tiru/);
  await visitor.goto('/replikasi');
  assert.match(await visitor.locator('main').textContent(), /Paling banyak direplikasi/);
  await visitor.getByRole('link', { name: SOURCE }).first().waitFor();
  const row = visitor.locator('.map-wrap table').getByRole('row').filter({ hasText: 'Kalimantan Utara' });
  assert.deepEqual((await row.getByRole('cell').allTextContents()).map((s) => s.trim()), ['Kalimantan Utara', '1', '1']);
  // The map: Kalimantan Utara's square narrows the flows to its province.
  await Promise.all([
    visitor.waitForURL((url) => url.searchParams.get('provinsi') === '65'),
    visitor.getByRole('link', { name: 'KU Kalimantan Utara: 1 replikasi oleh 1 instansi' }).click(),
  ]);
  const flow = visitor.locator('#alur ~ table').getByRole('row').filter({ hasText: 'Kalimantan Utara' });
  assert.deepEqual((await flow.getByRole('cell').allTextContents()).map((s) => s.trim()), ['Sumatera Barat', 'Kalimantan Utara', '1']);
  await screenshot(visitor, 'replication-network');
  await assertAccessible(assert, visitor, 'the replication network');
  // On a phone the page never scrolls sideways: the map pans inside its own box.
  await visitor.setViewportSize({ width: 360, height: 740 });
  assert.equal(await visitor.evaluate(() => document.documentElement.scrollWidth), 360);
  await visitor.goto('/replikasi/komitmen');
  await visitor.getByRole('link', { name: /Sumatera Barat 2021/ }).click();
  assert.match(await visitor.locator('main').textContent(), /19 dari 20 pemerintah daerah/);
  assert.equal(await visitor.evaluate(() => document.documentElement.scrollWidth), 360);
  await assertAccessible(assert, visitor, 'a commitment signing');
});
