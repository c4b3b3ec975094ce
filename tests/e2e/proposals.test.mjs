// Browser test of a proposal's way: the demo unit operator starts a proposal to the demo hub's open
// competition, fills its sections (the word count follows the typing), attaches the decree and a
// video link, and sends it; the demo local admin submits it; the hub coordinator, who runs the
// competition, screens it, assigns the evaluators, reads the dashboard and publishes the
// announcement, which a visitor then reads; the evaluator finds it in their queue and scores it,
// and the hub coordinator reads the results, records the method and nominates; the demo panelist
// runs the shortlist and adjusts it with a reason; the hub publishes the finalists, a visitor
// files an objection and the panel decides on it. axe-core finds nothing serious or critical on
// these pages.
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

// A score chosen on a sheet: the level's button in the aspect's group (a number field for a long
// scale).
async function score(page, aspect, value) {
  const group = page.getByRole('group', { name: aspect });
  const choice = group.getByText(value, { exact: true });
  if ((await choice.count()) > 0) await choice.click();
  else await group.getByRole('spinbutton').fill(value);
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
  // One form: a file chosen with typed text and a video too long for the limit. The refusal keeps
  // every typed word and the link, links the error to its field, and asks for the file again.
  const impact = page.getByRole('textbox', { name: 'Dampak dan bukti' });
  const typed = 'Waktu urus turun dari 14 hari menjadi 2 hari; 1.240 warga terlayani pada 2023.';
  await impact.fill(typed);
  await page.getByLabel('Pilih berkas').setInputFiles({ name: 'SK Gubernur.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel('Tautan video').fill('https://www.youtube.com/watch?v=contoh');
  await page.getByLabel('Durasi video').fill('9:30');
  await click(page, 'button', 'Simpan draf');
  const summaryBox = page.getByRole('alert').filter({ hasText: 'Ada yang perlu dibetulkan' });
  assert.match(await summaryBox.textContent(), /Video lebih panjang dari batas/);
  assert.equal(await impact.inputValue(), typed, 'typed text survives a refusal with an upload');
  assert.equal(await page.getByLabel('Tautan video').inputValue(), 'https://www.youtube.com/watch?v=contoh');
  assert.equal(await page.getByLabel('Durasi video').inputValue(), '9:30');
  assert.match(await page.locator('main').textContent(), /pilih berkasnya lagi/);
  await screenshot(page, 'proposal-refused');
  await assertAccessible(assert, page, 'a refused proposal form');
  await summaryBox.getByRole('link').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'video-seconds-video');
  await page.getByLabel('Durasi video').fill('2:30');
  await page.getByLabel('Pilih berkas').setInputFiles({ name: 'SK Gubernur.pdf', mimeType: 'application/pdf', buffer: PDF });
  await click(page, 'button', 'Simpan draf');
  assert.match(await status(page), /Lampiran tersimpan/);
  assert.equal(await impact.inputValue(), typed, 'saved with the file');
  assert.match(await page.locator('main').textContent(), /SK Gubernur\.pdf/);
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
  // The evaluators: the example edition asks for one per proposal, which the demo has, so the
  // assignment is complete and says so.
  await page.goto(`${edition}/penugasan`);
  await click(page, 'button', 'Tugaskan otomatis');
  assert.match(await status(page), /Penugasan selesai/);
  assert.doesNotMatch(await page.locator('tbody').last().textContent(), /kurang/);
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
  // The sheet says how a score becomes the total, and the total follows the choices.
  assert.match(await page.locator('main').textContent(), /dipetakan ke skala 0–100/);
  await score(page, /^Kebaruan/, '9');
  await click(page, 'button', 'Simpan draf');
  assert.match(await status(page), /Lembar nilai tersimpan/);
  assert.match(await page.locator('output').textContent(), /setelah semua aspek dinilai/);
  // "Periksa lalu kirim" shows the draft before the irreversible send; incomplete, it says so.
  await click(page, 'button', 'Periksa lalu kirim');
  assert.match(await page.locator('main').textContent(), /Semua aspek harus dinilai/);
  await click(page, 'link', /Kembali ke lembar nilai/);
  await score(page, /^Dampak/, '9');
  await score(page, /^Keberlanjutan/, '8');
  assert.match(await page.locator('output').textContent(), /Total: \d+,\d dari 100/, 'the running total');
  await page.getByLabel('Komentar').fill('Menjangkau desa terpencil; datanya meyakinkan.');
  await click(page, 'button', 'Periksa lalu kirim');
  assert.equal(await heading(page), 'Periksa nilai sebelum dikirim');
  await assertAccessible(assert, page, 'the check before sending scores');
  await click(page, 'button', 'Kirim nilai');
  assert.match(await status(page), /Nilai terkirim/);
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

  // The method is recorded and the proposals at the passing grade (85,6 against 80) nominated.
  await click(page, 'button', 'Tetapkan cara yang sedang ditampilkan');
  await page.goto(`${edition}/nominasi`);
  await assertAccessible(assert, page, 'the nomination page before nominating');
  await click(page, 'button', 'Tetapkan nomine');
  assert.match(await status(page), /Tersimpan/);
  await signOut(page);

  // A panelist runs the shortlist, and adjusts a nominee by hand with a reason.
  await signInAs(page, 'demo.panelis');
  await page.goto(`${edition}/nominasi`);
  await click(page, 'button', 'Susun daftar finalis');
  assert.match(await page.locator('tbody').first().textContent(), /Finalis/);
  await screenshot(page, 'nomination');
  await assertAccessible(assert, page, 'the nominees and the shortlist');
  await click(page, 'link', /Sistem Pelayanan Administrasi Kependudukan/);
  await assertAccessible(assert, page, "a nominee's adjustment form");
  await page.getByLabel('Masukkan ke daftar finalis').check();
  await click(page, 'button', 'Simpan penyesuaian');
  assert.match(await page.getByRole('alert').first().textContent(), /Periksa isian/);
  await page.getByLabel('Alasan').fill('Menjangkau wilayah perbatasan.');
  await click(page, 'button', 'Simpan penyesuaian');
  assert.match(await status(page), /Tersimpan/);
  assert.match(await page.locator('main').textContent(), /Susun ulang sebelum mengumumkan/);
  await click(page, 'button', 'Susun daftar finalis');
  assert.match(await page.locator('tbody').first().textContent(), /Menjangkau wilayah perbatasan/);
  await signOut(page);

  // The hub publishes the finalists; a visitor objects to one.
  await signInAs(page, 'demo.hub');
  await page.goto(`${edition}/nominasi`);
  await click(page, 'button', 'Umumkan finalis');
  assert.match(await status(page), /Sudah diumumkan/);
  await signOut(page);
  await page.goto(`${edition}/finalis`);
  assert.match(await page.locator('main').textContent(), /Masa sanggah terbuka sampai/);
  await screenshot(page, 'finalists');
  await assertAccessible(assert, page, 'the public finalists');
  await click(page, 'link', /Ajukan sanggahan/);
  await assertAccessible(assert, page, 'the objection form');
  await page.getByLabel('Nama').fill('Warga Nunukan');
  await page.getByLabel('Surel atau nomor telepon').fill('warga@example.id');
  await page.getByLabel('Alasan sanggahan').fill('pendek');
  await page.locator('#alasan').evaluate((el) => el.removeAttribute('minlength'));
  await click(page, 'button', 'Periksa sanggahan');
  assert.match(await page.locator('main').textContent(), /minimal 20 karakter/);
  await assertAccessible(assert, page, 'the objection form with an error');
  await page.getByLabel('Alasan sanggahan').fill('Layanan di kecamatan kami belum berjalan seperti yang dilaporkan.');
  // A last look before the step that cannot be taken back; "Ubah" keeps everything typed.
  await click(page, 'button', 'Periksa sanggahan');
  assert.equal(await heading(page), 'Periksa sanggahan sebelum dikirim');
  await assertAccessible(assert, page, 'the objection check');
  await click(page, 'button', 'Ubah');
  assert.equal(await page.getByLabel('Nama').inputValue(), 'Warga Nunukan');
  await click(page, 'button', 'Periksa sanggahan');
  await click(page, 'button', 'Kirim sanggahan');
  assert.match(await status(page), /Sanggahan Anda sudah diterima/);
  assert.match(pathOf(page), /^\/sanggahan\/SGH-/, 'the receipt page');

  // The panel sees it and records its decision.
  await signInAs(page, 'demo.panelis');
  await page.goto(`${edition}/sanggahan`);
  assert.match(await page.locator('main').textContent(), /Warga Nunukan/);
  await assertAccessible(assert, page, "the panel's objections");
  await page.getByLabel('Keputusan').selectOption({ label: 'Ditolak' });
  await page.getByLabel('Pertimbangan panel').fill('Verifikasi lapangan menunjukkan layanan berjalan.');
  await click(page, 'button', 'Catat keputusan');
  assert.match(await page.locator('main').textContent(), /Ditolak/);
  await page.goto(`${edition}/keputusan`);
  assert.match(await page.locator('main').textContent(), /setelah masa sanggah berakhir/);
  await assertAccessible(assert, page, 'the decisions page');
  await signOut(page);

  // Presentations: the hub sets a day and the panel, and builds the timetable.
  await signInAs(page, 'demo.hub');
  await page.goto(`${edition}/presentasi`);
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  await page.getByLabel('Tanggal presentasi').fill(tomorrow);
  await click(page, 'button', 'Simpan hari dan jam');
  await page.getByLabel('Panel · Demo Panelis').selectOption({ label: 'Panel 1' });
  await click(page, 'button', 'Simpan panel');
  await click(page, 'button', 'Susun jadwal');
  assert.match(await status(page), /Jadwal sudah disusun/);
  assert.match(await page.locator('main').textContent(), /Sistem Pelayanan Administrasi Kependudukan/);
  await screenshot(page, 'timetable');
  await assertAccessible(assert, page, 'the presentation timetable');
  await signOut(page);

  // The agency sees its slot; the panelist scores the interview.
  await signInAs(page, 'demo.adminlokal');
  await page.goto(`${edition}/jadwal`);
  assert.match(await page.locator('main').textContent(), /Sistem Pelayanan Administrasi Kependudukan/);
  await assertAccessible(assert, page, "the agency's presentation slot");
  await signOut(page);
  await signInAs(page, 'demo.panelis');
  await page.goto(`${edition}/jadwal`);
  await click(page, 'link', /Buka lembar/);
  await assertAccessible(assert, page, 'the interview sheet');
  await score(page, /^Presentasi dan wawancara/, '9');
  await score(page, /^Substansi inovasi/, '9');
  await click(page, 'button', 'Periksa lalu kirim');
  assert.equal(await heading(page), 'Periksa nilai wawancara sebelum dikirim');
  await click(page, 'button', 'Kirim nilai');
  assert.match(await page.locator('main').textContent(), /terkirim/);
  await page.goto(`${edition}/keputusan`);
  assert.match(await page.locator('tbody').first().textContent(), /88,9/, 'the interview mean beside the evaluation score');
});

// The same form on a cheap phone without JavaScript: one form for the text, the decree and the
// video, a refusal that keeps every typed word, and the page never wider than the screen.
test('on a phone without JavaScript, typed text survives an upload refused with the form', async (t) => {
  const { page } = await openPage(t, browser, server, { viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  await signInAs(page, 'demo.unit');
  await page.goto('/kompetisi');
  await click(page, 'link', /Kalimantan Utara \(contoh\)/);
  await click(page, 'link', 'Mulai usulan');
  await page.getByLabel('Inovasi yang diusulkan').selectOption({
    label: 'Sistem Pelayanan Administrasi Kependudukan di Wilayah Pedalaman dan Perbatasan',
  });
  await page.getByLabel('Umum').check();
  await page.getByLabel('Kategori').selectOption({ label: 'Pelayanan dasar' });
  await click(page, 'button', 'Mulai usulan');
  assert.match(pathOf(page), /^\/usulan\/\d+$/);

  const typed = 'Petugas datang ke kampung perbatasan dua kali sebulan; 318 akta terbit pada 2024.';
  await page.getByRole('textbox', { name: 'Ringkasan inovasi' }).fill(typed);
  await page.getByLabel('Pilih berkas').setInputFiles({ name: 'SK.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel('Tautan video').fill('https://www.youtube.com/watch?v=perbatasan');
  await page.getByLabel('Durasi video').fill('12:00');
  await click(page, 'button', 'Simpan draf');
  assert.match(await page.getByRole('alert').filter({ hasText: 'Ada yang perlu dibetulkan' }).textContent(), /Video lebih panjang/);
  assert.equal(await page.getByRole('textbox', { name: 'Ringkasan inovasi' }).inputValue(), typed);
  assert.equal(await page.getByLabel('Durasi video').inputValue(), '12:00');
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'no sideways scroll');
  await screenshot(page, 'proposal-phone-refused');

  await page.getByLabel('Durasi video').fill('2:00');
  await page.getByLabel('Pilih berkas').setInputFiles({ name: 'SK.pdf', mimeType: 'application/pdf', buffer: PDF });
  await click(page, 'button', 'Simpan draf');
  assert.match(await status(page), /Lampiran tersimpan/);
  assert.equal(await page.getByRole('textbox', { name: 'Ringkasan inovasi' }).inputValue(), typed);
  assert.match(await page.locator('main').textContent(), /SK\.pdf/);
});
