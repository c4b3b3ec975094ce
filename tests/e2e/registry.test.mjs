// Browser tests of the innovation registry: the demo unit operator (Disdukcapil of Kalimantan
// Utara) drafts an innovation through the form and sends it; the demo local admin (Kalimantan
// Utara) publishes it or returns it with notes; a visitor then finds it in the catalogue, on its
// public profile and in the agency's portfolio.
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
import {
  catalogueTotal,
  checklist,
  completeInnovation,
  designText,
  editStatus,
  fillInnovation,
  innovationId,
  pressAndLoad,
  resultNames,
  resultsRegion,
  searchCatalogue,
  wordCount,
} from './innovations.mjs';

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const KALTARA = 'Pemerintah Provinsi Kalimantan Utara';
const DISDUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil';

// A person signed in with a demo account, in a browser context of their own.
async function signedIn(t, username) {
  const { page } = await openPage(t, browser, server);
  if (!server.accounts[username]) throw new Error(`no password for ${username} in the server output`);
  await signIn(page, username, server.accounts[username].password);
  assert.equal(pathOf(page), '/akun', `${username} is signed in`);
  return page;
}

// "Inovasi saya" through the account menu.
async function openMine(page) {
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/inovasi/saya'),
    page.getByRole('navigation', { name: 'Menu akun' }).getByRole('link', { name: 'Inovasi saya', exact: true }).click(),
  ]);
  assert.equal(await heading(page), 'Inovasi saya');
}

// The row of "Inovasi saya" with the innovation named `name`, as { status, unit }.
async function mineRow(page, name) {
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
  const cells = (await row.getByRole('cell').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
  return { unit: cells[1], status: cells[2] };
}

// Opens the edit page of `name` from "Inovasi saya".
async function openFromMine(page, name) {
  await Promise.all([
    page.waitForURL((url) => /^\/inovasi\/\d+\/ubah$/.test(url.pathname)),
    page.getByRole('link', { name, exact: true }).click(),
  ]);
  assert.equal(await heading(page), name);
}

async function notice(page) {
  return (await page.locator('main > p.notice[role="status"]').textContent()).trim();
}

// The operator starts a new innovation from "Inovasi saya".
async function startNew(page) {
  await openMine(page);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/inovasi/baru'),
    page.getByRole('link', { name: 'Tambah inovasi', exact: true }).click(),
  ]);
  assert.equal(await heading(page), 'Inovasi baru');
}

// Saves the form; the next page says the draft was created or saved.
const kSaved = {
  dibuat: 'Draf inovasi dibuat.',
  berkas: 'Perubahan dan berkas tersimpan sebagai versi baru.',
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
// The start of a Linux program, named "laporan.pdf" by whoever sends it.
const EXECUTABLE = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0]);
async function save(page, expected) {
  await pressAndLoad(page, 'Simpan draf', (url) => url.pathname.endsWith('/ubah'));
  assert.ok((await notice(page)).startsWith(kSaved[expected]));
}

test('an operator drafts and sends an innovation, the local admin publishes it, a visitor finds it', async (t) => {
  const data = completeInnovation();
  const operator = await signedIn(t, 'demo.unit');
  const admin = await signedIn(t, 'demo.adminlokal');
  const { page: visitor } = await openPage(t, browser, server);

  // Nobody has heard of it yet.
  await visitor.goto('/katalog');
  await searchCatalogue(visitor, 'Lumbis');
  assert.equal(await catalogueTotal(visitor), 0, 'no innovation mentions Lumbis before');

  // A first draft, everything but a long enough design.
  await startNew(operator);
  await operator.getByText('0 kata; minimal 300 kata sebelum dikirim atau diterbitkan.', { exact: true }).waitFor();
  const shortDesign = 'Petugas berperahu ke desa-desa hulu sungai setiap bulan.';
  await fillInnovation(operator, { ...data, design: shortDesign });
  await screenshot(operator, 'registry-new-filled');
  await save(operator, 'dibuat');
  const id = innovationId(operator);
  assert.equal(await heading(operator), data.name);
  assert.equal(await notice(operator), 'Draf inovasi dibuat. Lengkapi isiannya kapan saja; simpan sebagai draf sesering yang Anda perlukan.');
  assert.equal(await editStatus(operator), 'Draf di unit');
  await operator.getByText(`${KALTARA} · ${DISDUKCAPIL}`, { exact: true }).waitFor();
  assert.equal(await operator.getByLabel('Anggaran (rupiah)', { exact: true }).inputValue(), '1.500.000');
  let items = await checklist(operator);
  const designItem = `✗ Belum: Rancang bangun dan pokok perubahan, minimal 300 kata (sekarang ${wordCount(shortDesign)} kata)`;
  assert.ok(items.includes(designItem), `the checklist asks for the design:\n${items.join('\n')}`);
  assert.deepEqual(
    items.filter((item) => item.startsWith('✗')),
    [designItem],
    'everything else is done',
  );
  for (const item of ['✓ Sudah: Nama inovasi', '✓ Sudah: Sedikitnya satu urusan pemerintahan', '✓ Sudah: Sedikitnya satu tujuan SDGs', '✓ Sudah: Anggaran (tulis 0 bila tanpa anggaran)']) {
    assert.ok(items.includes(item), `${item} in:\n${items.join('\n')}`);
  }
  assert.equal(await operator.getByText('Semua butir lengkap.', { exact: true }).count(), 0);
  await screenshot(operator, 'registry-draft-incomplete');

  // Sending it now is refused with what is missing; nothing changes.
  await pressAndLoad(operator, 'Kirim ke admin lokal');
  const blocked = operator.getByRole('alert').filter({ hasText: 'Belum dapat dikirim atau diterbitkan. Lengkapi dulu:' });
  await blocked.waitFor();
  assert.match(await blocked.textContent(), /Rancang bangun dan pokok perubahan, minimal 300 kata/);
  await screenshot(operator, 'registry-send-blocked');
  await operator.goto(`/inovasi/${id}/ubah`);
  assert.equal(await editStatus(operator), 'Draf di unit');

  // The full design typed, and an evidence file chosen in the same form whose bytes are not what
  // its name says: the refusal keeps every typed word and says why at the file chooser. The real
  // report then saves with the text, as one version.
  await fillInnovation(operator, { design: data.design, note: 'rancang bangun dilengkapi' });
  assert.ok(wordCount(data.design) >= 300, `the design has ${wordCount(data.design)} words`);
  const chooser = operator.getByLabel('Pilih berkas', { exact: true });
  await chooser.setInputFiles({ name: 'laporan.pdf', mimeType: 'application/pdf', buffer: EXECUTABLE });
  await pressAndLoad(operator, 'Simpan draf');
  const summary = operator.getByRole('alert').filter({ hasText: 'Ada yang perlu dibetulkan' });
  assert.match(await summary.textContent(), /Berkas bukti: Berkas laporan\.pdf ditolak/);
  const design = operator.getByLabel('Rancang bangun dan pokok perubahan', { exact: true });
  assert.equal(await design.inputValue(), data.design, 'typed text survives a refused upload');
  await screenshot(operator, 'registry-upload-refused');
  await assertAccessible(assert, operator, 'a refused evidence file');
  await summary.getByRole('link').first().click();
  assert.equal(await operator.evaluate(() => document.activeElement.id), 'berkas-input');
  await chooser.setInputFiles({ name: 'Laporan Lumbis.pdf', mimeType: 'application/pdf', buffer: PDF });
  await save(operator, 'berkas');
  await operator.getByRole('link', { name: 'Laporan Lumbis.pdf', exact: true }).waitFor();
  await operator.getByText(`${wordCount(data.design)} kata; minimal 300 kata sebelum dikirim atau diterbitkan.`, { exact: true }).waitFor();
  items = await checklist(operator);
  assert.deepEqual(items.filter((item) => !item.startsWith('✓ Sudah:')), [], `all done:\n${items.join('\n')}`);
  await operator.getByText('Semua butir lengkap.', { exact: true }).waitFor();
  await screenshot(operator, 'registry-draft-complete');

  // Sent to the local admin: locked for the unit.
  await pressAndLoad(operator, 'Kirim ke admin lokal', (url) => url.pathname.endsWith('/ubah'));
  assert.equal(await notice(operator), 'Inovasi terkirim ke admin lokal untuk diperiksa.');
  assert.equal(await editStatus(operator), 'Di admin lokal');
  await operator.getByText('Inovasi ini sedang diperiksa admin lokal, jadi tidak dapat diubah sekarang.', { exact: true }).waitFor();
  assert.equal(await operator.getByRole('button', { name: 'Simpan draf' }).count(), 0, 'no save button while at the admin');
  assert.equal(await operator.getByLabel('Nama inovasi', { exact: true }).isDisabled(), true);
  await screenshot(operator, 'registry-sent');

  // Not public yet.
  const hidden = await visitor.goto(`/inovasi/${id}`);
  assert.equal(hidden.status(), 404, 'an unpublished innovation has no public profile');

  // The local admin finds it among those waiting and publishes it.
  await openMine(admin);
  await Promise.all([
    admin.waitForURL((url) => url.searchParams.get('posisi') === 'admin'),
    admin.getByRole('link', { name: /di admin lokal$/ }).click(),
  ]);
  await admin.getByText('Menampilkan:').waitFor();
  assert.deepEqual(await mineRow(admin, data.name), { unit: DISDUKCAPIL, status: 'Di admin lokal' });
  await screenshot(admin, 'registry-admin-waiting');
  await openFromMine(admin, data.name);
  assert.equal(innovationId(admin), id);
  assert.equal(await editStatus(admin), 'Di admin lokal');
  await admin.getByRole('button', { name: 'Kembalikan ke unit', exact: true }).waitFor();
  await pressAndLoad(admin, 'Terbitkan', (url) => url.pathname.endsWith('/ubah'));
  assert.equal(await notice(admin), 'Inovasi telah diterbitkan. Publik sekarang melihat versi ini.');
  assert.equal(await editStatus(admin), 'Terbit');
  assert.equal(await admin.getByRole('link', { name: 'Lihat versi terbit', exact: true }).getAttribute('href'), `/inovasi/${id}`);
  await screenshot(admin, 'registry-published');
  await openMine(admin);
  assert.deepEqual(await mineRow(admin, data.name), { unit: DISDUKCAPIL, status: 'Terbit · halaman publik' });

  // A visitor finds it in the catalogue by a word of its name.
  await visitor.goto('/katalog');
  await searchCatalogue(visitor, 'Lumbis');
  assert.equal(await catalogueTotal(visitor), 1);
  assert.deepEqual(await resultNames(visitor), [`${data.name} (${data.shortName})`]);
  const meta = (await resultsRegion(visitor).locator('.meta').textContent()).replace(/\s+/g, ' ').trim();
  assert.equal(meta, `${KALTARA} · Kalimantan Utara · 2024 · Pelayanan publik · Penerapan`);
  await screenshot(visitor, 'registry-catalogue');

  // Its public profile.
  await Promise.all([
    visitor.waitForURL((url) => url.pathname === `/inovasi/${id}`),
    resultsRegion(visitor).getByRole('link', { name: data.name, exact: true }).click(),
  ]);
  assert.equal(await heading(visitor), `${data.name} (${data.shortName})`);
  assert.equal(await fact(visitor, 'Anggaran (rupiah)'), 'Rp1.500.000');
  assert.equal(await fact(visitor, 'Bentuk inovasi'), 'Pelayanan publik');
  assert.equal(await fact(visitor, 'Jenis inovasi'), 'Non-digital (luring)');
  assert.equal(await fact(visitor, 'Tahapan inovasi'), 'Penerapan');
  assert.equal(await fact(visitor, 'Inisiator'), 'Perangkat daerah');
  assert.equal(await fact(visitor, 'Urusan pemerintahan'), 'Administrasi kependudukan dan pencatatan sipil');
  assert.equal(await fact(visitor, 'Tanggal uji coba'), '1 Maret 2023');
  assert.equal(await fact(visitor, 'Tanggal penerapan'), '15 Januari 2024');
  assert.equal(await fact(visitor, 'Tautan video YouTube'), data.video);
  assert.equal(
    await visitor.getByRole('link', { name: data.video, exact: true }).getAttribute('href'),
    data.video,
  );
  const sdgs = visitor.getByRole('heading', { level: 2, name: 'Tujuan Pembangunan Berkelanjutan (SDGs)' }).locator('xpath=following-sibling::ul[1]');
  assert.deepEqual(
    (await sdgs.getByRole('listitem').allTextContents()).sort(),
    [...data.sdgs].sort(),
  );
  await visitor.getByText(data.problem, { exact: true }).waitFor();
  await visitor.getByText(data.design, { exact: true }).waitFor();
  const resultRow = visitor.getByRole('table').getByRole('row').filter({ hasText: 'Waktu pengurusan akta' });
  assert.deepEqual(
    (await resultRow.getByRole('cell').allTextContents()).map((s) => s.trim()),
    ['Waktu pengurusan akta', '14', '1', 'hari'],
  );
  const tags = visitor.getByRole('heading', { level: 2, name: 'Tag', exact: true }).locator('xpath=following-sibling::ul[1]');
  assert.deepEqual(
    (await tags.getByRole('listitem').allTextContents()).map((s) => s.trim()),
    ['akta kelahiran', 'perahu', 'perbatasan'],
  );
  assert.equal(await visitor.getByText('data contoh').count(), 0, 'a real innovation is not sample data');
  assert.equal(await visitor.getByRole('link', { name: 'Buka halaman pengisian' }).count(), 0);
  await screenshot(visitor, 'registry-profile');

  // The agency's public portfolio lists it.
  await Promise.all([
    visitor.waitForURL((url) => /^\/instansi\/\d+\/portofolio$/.test(url.pathname)),
    visitor.getByRole('link', { name: KALTARA, exact: true }).click(),
  ]);
  assert.equal(await heading(visitor), `Portofolio inovasi: ${KALTARA}`);
  const entry = visitor.getByRole('row').filter({ has: visitor.getByRole('link', { name: data.name, exact: true }) });
  assert.deepEqual(
    (await entry.getByRole('cell').allTextContents()).map((s) => s.trim()),
    [data.name, DISDUKCAPIL, 'Pelayanan publik', 'Penerapan', '2024'],
  );
  await screenshot(visitor, 'registry-portfolio');

  // The operator, signed in, gets a link from the profile to the edit page.
  await operator.goto(`/inovasi/${id}`);
  assert.equal(
    await operator.getByRole('link', { name: 'Buka halaman pengisian', exact: true }).getAttribute('href'),
    `/inovasi/${id}/ubah`,
  );
});

test('the local admin returns a draft with notes, and the operator reads them', async (t) => {
  const data = completeInnovation({
    name: 'Kartu Identitas Anak Keliling Krayan',
    shortName: 'KIA Krayan',
    design: designText('kartu identitas anak keliling'),
    note: 'siap diperiksa',
  });
  const notes = 'Lengkapi jumlah anak yang menerima KIA pada tahun 2024.\nSertakan foto kegiatan di Long Bawan.';
  const operator = await signedIn(t, 'demo.unit');
  const admin = await signedIn(t, 'demo.adminlokal');

  await startNew(operator);
  await fillInnovation(operator, data);
  await save(operator, 'dibuat');
  const id = innovationId(operator);
  await operator.getByText('Semua butir lengkap.', { exact: true }).waitFor();
  await pressAndLoad(operator, 'Kirim ke admin lokal', (url) => url.pathname.endsWith('/ubah'));
  assert.equal(await editStatus(operator), 'Di admin lokal');

  await openMine(admin);
  await Promise.all([
    admin.waitForURL((url) => url.searchParams.get('posisi') === 'admin'),
    admin.getByRole('link', { name: /di admin lokal$/ }).click(),
  ]);
  await openFromMine(admin, data.name);
  assert.equal(innovationId(admin), id);
  await admin.getByLabel('Catatan untuk unit (wajib bila mengembalikan)', { exact: true }).fill(notes);
  await screenshot(admin, 'registry-return-notes');
  await pressAndLoad(admin, 'Kembalikan ke unit', (url) => url.pathname.endsWith('/ubah'));
  assert.equal(await notice(admin), 'Inovasi dikembalikan ke unit dengan catatan Anda.');
  assert.equal(await editStatus(admin), 'Dikembalikan ke unit');

  // The operator sees it back at the unit, with the notes, and can edit it again.
  await openMine(operator);
  assert.deepEqual(await mineRow(operator, data.name), { unit: DISDUKCAPIL, status: 'Dikembalikan ke unit' });
  await Promise.all([
    operator.waitForURL((url) => url.searchParams.get('posisi') === 'unit'),
    operator.getByRole('link', { name: /di unit$/ }).click(),
  ]);
  await openFromMine(operator, data.name);
  assert.equal(innovationId(operator), id);
  assert.equal(await editStatus(operator), 'Dikembalikan ke unit');
  const box = operator.locator('main .error-message').filter({ hasText: 'Catatan admin lokal:' });
  await box.waitFor();
  const paragraphs = (await box.locator('p').allTextContents()).map((s) => s.trim());
  assert.deepEqual(paragraphs, ['Catatan admin lokal:', ...notes.split('\n')]);
  assert.equal(await operator.getByLabel('Nama inovasi', { exact: true }).isEditable(), true);
  await operator.getByRole('button', { name: 'Simpan draf', exact: true }).waitFor();
  await operator.getByRole('button', { name: 'Kirim ke admin lokal', exact: true }).waitFor();
  await screenshot(operator, 'registry-returned');

  // Still not public.
  const { page: visitor } = await openPage(t, browser, server);
  assert.equal((await visitor.goto(`/inovasi/${id}`)).status(), 404);
});
