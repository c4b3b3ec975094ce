// Browser test of a proposal's way: the demo unit operator starts a proposal to the demo hub's open
// competition, fills its sections (the word count follows the typing), attaches the decree and a
// video link, and sends it; the demo local admin submits it; the hub coordinator, who runs the
// competition, screens it, assigns the evaluators, reads the dashboard and publishes the
// announcement, which a visitor then reads; the evaluator finds it in their queue and scores it,
// and the hub coordinator reads the results. axe-core finds nothing serious or critical on these pages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assertAccessible,
  heading,
  openPage,
  pathOf,
  screenshot,
  signIn,
  signOut,
  useServerAndBrowser,
} from './support.mjs';

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

async function click(page, role, name) {
  const options = name instanceof RegExp ? { name } : { name, exact: true };
  await Promise.all([page.waitForLoadState('load'), page.getByRole(role, options).click()]);
}

async function status(page) {
  return (await page.getByRole('status').first().textContent()).trim();
}

async function signInAs(page, username) {
  await signIn(page, username, server.accounts[username].password);
}

test('a unit drafts, its local admin submits, the hub screens and announces', async (t) => {
  const { page } = await openPage(t, browser, server);
  await signInAs(page, 'demo.unit');
  await page.goto('/kompetisi');
  await click(page, 'link', /Kalimantan Utara \(contoh\)/);
  const edition = pathOf(page);
  await click(page, 'link', 'Mulai usulan');
  assert.equal(await heading(page), 'Mulai usulan');
  await assertAccessible(assert, page, 'the start of a proposal');
  await page.getByLabel('Inovasi yang diusulkan').selectOption({
    label: 'Sistem Pelayanan Administrasi Kependudukan di Wilayah Pedalaman dan Perbatasan Smart',
  });
  await page.getByLabel('Umum').check();
  await page.getByLabel('Kategori').selectOption({ label: 'Pelayanan dasar' });
  await click(page, 'button', 'Mulai usulan');
  assert.match(pathOf(page), /^\/usulan\/\d+$/);
  const proposal = pathOf(page);
  assert.match(await status(page), /Usulan dibuat/);
  assert.match(await page.locator('main').textContent(), /Inovasi ini memenuhi syarat kelompoknya/);

  // The count follows the typing (the script), and the server counts the same after the save.
  const summary = page.getByRole('textbox', { name: 'Ringkasan inovasi' });
  await summary.fill('Warga perbatasan mengurus KTP tanpa menyeberang sungai.');
  assert.equal((await page.locator('#words-ringkasan').textContent()).trim(), '7 dari 300 kata');
  await page.getByRole('textbox', { name: 'Dampak dan bukti' }).fill('Waktu urus turun dari 14 hari menjadi 2 hari.');
  await click(page, 'button', 'Simpan draf');
  assert.match(await status(page), /Tersimpan/);
  assert.equal((await page.locator('#words-ringkasan').textContent()).trim(), '7 dari 300 kata');
  await screenshot(page, 'draft');
  await assertAccessible(assert, page, 'a draft proposal');

  // Sending before the attachments are there says what is missing.
  await click(page, 'button', 'Kirim ke admin instansi');
  assert.match(await page.getByRole('alert').first().textContent(), /Usulan belum lengkap/);
  await page.getByLabel('Pilih berkas').setInputFiles({ name: 'SK Gubernur.pdf', mimeType: 'application/pdf', buffer: PDF });
  await click(page, 'button', 'Unggah');
  assert.match(await status(page), /Lampiran tersimpan/);
  await page.getByLabel('Tautan video').fill('https://www.youtube.com/watch?v=contoh');
  await page.getByLabel('Durasi video').fill('2:30');
  await click(page, 'button', 'Simpan tautan');
  await click(page, 'button', 'Kirim ke admin instansi');
  assert.match(await status(page), /Usulan terkirim ke admin instansi/);
  await signOut(page);

  // The local admin sees where the agency's proposals are and submits this one.
  await signInAs(page, 'demo.adminlokal');
  await page.goto(`${edition}/usulan`);
  assert.match(await page.locator('main').textContent(), /1\s*di admin instansi/);
  await assertAccessible(assert, page, "the agency's proposal list");
  await page.goto(proposal);
  await click(page, 'button', 'Ajukan ke penyelenggara');
  assert.match(await status(page), /Usulan diajukan ke penyelenggara/);
  await signOut(page);

  // The hub coordinator runs this competition: screening, dashboard, announcement.
  await signInAs(page, 'demo.hub');
  await page.goto(`${edition}/usulan`);
  await screenshot(page, 'organiser-list');
  await assertAccessible(assert, page, "the organiser's proposal list");
  await page.getByRole('checkbox', { name: /Sistem Pelayanan Administrasi Kependudukan/ }).check();
  await page.getByLabel('Lolos', { exact: true }).check();
  await click(page, 'button', 'Terapkan ke usulan yang dicentang');
  assert.match(await status(page), /Keputusan seleksi tersimpan/);
  assert.match(await page.locator('tbody').textContent(), /Lolos seleksi administrasi/);
  // The evaluators: the demo has one, and the edition asks for two per proposal, so the proposal
  // gets the one and is marked short.
  await page.goto(`${edition}/penugasan`);
  await click(page, 'button', 'Tugaskan otomatis');
  assert.match(await status(page), /Penugasan selesai/);
  assert.match(await page.locator('tbody').last().textContent(), /kurang/);
  await screenshot(page, 'assignment');
  await assertAccessible(assert, page, 'the assignment page');
  await click(page, 'link', /Sistem Pelayanan Administrasi Kependudukan/);
  assert.match(await page.locator('main').textContent(), /Demo Evaluator/);
  await assertAccessible(assert, page, 'the manual moves of a proposal');
  await page.goto(`${edition}/dasbor`);
  await screenshot(page, 'dashboard');
  await assertAccessible(assert, page, 'the dashboard');
  await page.goto(`${edition}/pengumuman`);
  await assertAccessible(assert, page, 'the announcement preview');
  await click(page, 'button', 'Terbitkan pengumuman');
  assert.match(await status(page), /Pengumuman terbit/);
  await signOut(page);

  await page.goto(`${edition}/pengumuman`);
  assert.match(await page.locator('main').textContent(), /Sistem Pelayanan Administrasi Kependudukan di Wilayah Pedalaman dan Perbatasan Smart/);
  await screenshot(page, 'announcement');
  await assertAccessible(assert, page, 'the public announcement');

  // The evaluator finds the proposal in their queue.
  await signInAs(page, 'demo.evaluator');
  await page.goto('/penilaian');
  assert.match(await page.locator('main').textContent(), /Sistem Pelayanan Administrasi Kependudukan/);
  await screenshot(page, 'evaluator-queue');
  await assertAccessible(assert, page, "the evaluator's queue");
  await click(page, 'link', /Sistem Pelayanan Administrasi Kependudukan/);
  await assertAccessible(assert, page, 'the score sheet');
  await page.getByLabel(/^Kebaruan/).fill('8');
  await click(page, 'button', 'Simpan draf');
  assert.match(await status(page), /Lembar nilai tersimpan/);
  await click(page, 'button', 'Kirim nilai');
  assert.match(await page.getByRole('alert').first().textContent(), /Periksa isian|Isi nilai/);
  await page.getByLabel(/^Dampak/).fill('9');
  await page.getByLabel(/^Keberlanjutan/).fill('7');
  await page.getByLabel('Komentar').fill('Menjangkau desa terpencil; datanya meyakinkan.');
  await click(page, 'button', 'Kirim nilai');
  assert.match(await page.locator('main').textContent(), /Lembar nilai:\s*terkirim/);
  await screenshot(page, 'score-sheet');
  await assertAccessible(assert, page, 'a submitted score sheet');
  await signOut(page);

  // Whoever runs the competition reads the scores side by side.
  await signInAs(page, 'demo.hub');
  await page.goto(`${edition}/nilai`);
  assert.match(await page.locator('tbody').first().textContent(), /Sistem Pelayanan Administrasi Kependudukan/);
  await screenshot(page, 'results');
  await assertAccessible(assert, page, 'the evaluation results');
});
