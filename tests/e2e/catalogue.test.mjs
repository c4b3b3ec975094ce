// Browser tests of the public innovation catalogue (/katalog): the Indonesian search with
// highlighted words, facets in <details> groups (in place through htmx, and with JavaScript off
// through the "Terapkan penyaring" button), sorting, pagination, a profile with its similar
// innovations, the CSV export and the hints for a broken query and for no hits.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import {
  fact,
  heading,
  htmxSwap,
  openPage,
  pathOf,
  screenshot,
  useServerAndBrowser,
} from './support.mjs';
import { catalogueTotal, parseCsv, resultNames, resultsRegion, searchCatalogue } from './innovations.mjs';

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const QUERY = 'pelayanan kependudukan perbatasan';
// Broad enough to match both forms of innovation, for the facet tests.
const BROAD_QUERY = 'pelayanan perbatasan';
const SIPELANDUKILAT = 'Sistem Pelayanan Administrasi Kependudukan di Wilayah Pedalaman dan Perbatasan';
const BOM = '\uFEFF';

// The CSV export link. Named by its format, so it is found whatever other formats (XLSX) sit
// beside it and however the sentence around it is worded.
function csvLink(page) {
  return resultsRegion(page).getByRole('link', { name: /\bCSV\b/ });
}

function facetCheckbox(page, group, value) {
  return page
    .getByRole('group', { name: group, exact: true })
    .getByRole('checkbox', { name: new RegExp(`^${value} \\(\\d+\\)$`) });
}

test('a visitor searches in Indonesian and sees Sipelandukilat among the first results, the query words highlighted', async (t) => {
  const { page } = await openPage(t, browser, server);
  const response = await page.goto('/katalog');
  assert.equal(response.status(), 200);
  assert.equal(await heading(page), 'Katalog Inovasi');
  const everything = await catalogueTotal(page);
  assert.ok(everything >= 162, `the demo catalogue holds the 10 real and 152 sample innovations, shows ${everything}`);
  await screenshot(page, 'catalogue-all');

  await searchCatalogue(page, QUERY);
  assert.equal(new URL(page.url()).searchParams.get('q'), QUERY, 'the search is a shareable URL');
  assert.equal(await page.getByLabel('Cari inovasi', { exact: true }).inputValue(), QUERY);
  const total = await catalogueTotal(page);
  assert.ok(total > 0 && total < everything, `the query narrows the catalogue (${total} of ${everything})`);

  const names = await resultNames(page);
  assert.ok(
    names.slice(0, 3).some((name) => name.startsWith(SIPELANDUKILAT) && name.includes('(Sipelandukilat)')),
    `Sipelandukilat is among the first three results: ${JSON.stringify(names.slice(0, 5))}`,
  );
  const first = resultsRegion(page).getByRole('listitem').filter({ hasText: '(Sipelandukilat)' });
  const marked = (await first.locator('mark').allTextContents()).map((s) => s.toLowerCase());
  assert.ok(marked.length > 0, 'the snippet highlights the query words with <mark>');
  for (const word of marked) {
    assert.match(word, /pelayan|penduduk|batas/, `"${word}" is one of the query words (or a form of it)`);
  }
  assert.ok(
    marked.some((w) => w.includes('batas')) && marked.some((w) => w.includes('penduduk')),
    `both "perbatasan" and "kependudukan" are highlighted: ${JSON.stringify(marked)}`,
  );
  await screenshot(page, 'catalogue-search');
});

test('ticking a facet updates the results in place through htmx', async (t) => {
  const { page } = await openPage(t, browser, server);
  await page.goto(`/katalog?q=${encodeURIComponent(BROAD_QUERY)}`);
  const before = await catalogueTotal(page);
  const checkbox = facetCheckbox(page, 'Bentuk inovasi', 'Tata kelola pemerintahan');
  const label = await checkbox.evaluate((el) => el.labels[0].textContent.trim());
  const announced = Number(/\(([\d.]+)\)$/.exec(label)[1].replace(/\./g, ''));
  assert.equal(await checkbox.isChecked(), false);
  // A marker on the window survives an update in place and would be gone after a page load.
  await page.evaluate(() => {
    window.simpulTestMarker = 'same page';
  });

  const response = await htmxSwap(page, () => checkbox.check());
  assert.equal(response.status(), 200);
  await page.waitForURL((url) => url.searchParams.getAll('bentuk').includes('tata_kelola'));
  assert.equal(await page.evaluate(() => window.simpulTestMarker), 'same page', 'no full page load');
  assert.equal(new URL(page.url()).searchParams.get('q'), BROAD_QUERY, 'the query is kept');

  const after = await catalogueTotal(page);
  assert.ok(after < before, `the total went down (${before} → ${after})`);
  assert.equal(after, announced, 'the total is the count the facet announced');
  assert.equal(await facetCheckbox(page, 'Bentuk inovasi', 'Tata kelola pemerintahan').isChecked(), true);
  for (const meta of await resultsRegion(page).locator('.meta').allTextContents()) {
    assert.ok(meta.includes('Tata kelola pemerintahan'), `every result is tata kelola: ${meta}`);
  }
  const exportHref = await csvLink(page).getAttribute('href');
  assert.match(exportHref, /^\/katalog\/ekspor\.csv\?/);
  assert.equal(new URL(exportHref, server.baseURL).searchParams.get('bentuk'), 'tata_kelola', 'the export follows the facet');
  await page.getByRole('link', { name: 'Hapus semua penyaring', exact: true }).waitFor();
  await screenshot(page, 'catalogue-facet-htmx');

  // Clearing the filters keeps the query and brings the whole result back.
  await Promise.all([
    page.waitForURL((url) => !url.searchParams.has('bentuk') && url.searchParams.get('q') === BROAD_QUERY),
    page.getByRole('link', { name: 'Hapus semua penyaring', exact: true }).click(),
  ]);
  assert.equal(await catalogueTotal(page), before);
});

test('the award facet narrows the catalogue to awarded innovations', async (t) => {
  const { page } = await openPage(t, browser, server);
  await page.goto('/katalog');
  const checkbox = facetCheckbox(page, 'Penghargaan', 'Top Inovasi \\(Top 45 dan sebelumnya Top 40/35/25/9\\)');
  await htmxSwap(page, () => checkbox.check());
  await page.waitForURL((url) => url.searchParams.getAll('penghargaan').includes('top_inovasi'));
  assert.equal(await catalogueTotal(page), 3);
  const names = await resultNames(page);
  assert.ok(names.some((name) => name.startsWith('Program Layanan Dokter Terbang')), names.join(' | '));
  assert.ok(names.some((name) => name.startsWith(SIPELANDUKILAT)), names.join(' | '));
  assert.ok(names.some((name) => name.startsWith('Program Layanan Tak Boleh Berhenti Sekolah')), names.join(' | '));
});

test('with JavaScript disabled the "Terapkan penyaring" button applies the facets', async (t) => {
  const { page } = await openPage(t, browser, server, { javaScriptEnabled: false });
  await page.goto(`/katalog?q=${encodeURIComponent(BROAD_QUERY)}`);
  const before = await catalogueTotal(page);

  // Long groups are folded in <details>: their values show once the summary is opened.
  const affairs = page.getByRole('group', { name: 'Urusan pemerintahan', exact: true });
  const folded = affairs.getByRole('checkbox').first();
  assert.equal(await folded.isVisible(), false, 'the long "Urusan pemerintahan" group starts folded');
  await page.locator('summary', { hasText: 'Urusan pemerintahan' }).click();
  await folded.waitFor({ state: 'visible' });

  const checkbox = facetCheckbox(page, 'Bentuk inovasi', 'Tata kelola pemerintahan');
  await checkbox.check();
  assert.ok(!new URL(page.url()).searchParams.has('bentuk'), 'nothing happens before the button');
  await Promise.all([
    page.waitForURL((url) => url.searchParams.getAll('bentuk').includes('tata_kelola')),
    page.getByRole('button', { name: 'Terapkan penyaring', exact: true }).click(),
  ]);
  assert.equal(new URL(page.url()).searchParams.get('q'), BROAD_QUERY);
  const after = await catalogueTotal(page);
  assert.ok(after < before, `the total went down (${before} → ${after})`);
  assert.equal(await facetCheckbox(page, 'Bentuk inovasi', 'Tata kelola pemerintahan').isChecked(), true);
  await screenshot(page, 'catalogue-facet-nojs');
});

test('the sort select and the pages of results', async (t) => {
  const { page } = await openPage(t, browser, server);
  await page.goto('/katalog');
  const sort = page.getByLabel('Urutkan', { exact: true });
  assert.equal(await sort.inputValue(), '', 'the default order');
  assert.equal(await sort.locator('option:checked').textContent(), 'Terbaru', 'without a query the newest come first');
  const newest = await resultNames(page);
  assert.equal(newest.length, 20, 'twenty results a page');

  // A query typed into the box is ranked by relevance: the form sends the default order, not
  // the newest it showed.
  await searchCatalogue(page, 'stunting');
  assert.ok(!new URL(page.url()).searchParams.get('urut'), 'the default order, not "terbaru"');
  assert.equal(await sort.locator('option:checked').textContent(), 'Paling relevan');
  await page.goto('/katalog');

  await htmxSwap(page, () => sort.selectOption({ label: 'Paling banyak direplikasi' }));
  await page.waitForURL((url) => url.searchParams.get('urut') === 'replikasi');
  assert.equal(await page.getByLabel('Urutkan', { exact: true }).inputValue(), 'replikasi');
  const firstPage = await resultNames(page);
  assert.equal(firstPage.length, 20);

  const pages = page.getByRole('navigation', { name: 'Halaman', exact: true });
  assert.equal(await pages.getByRole('link', { name: '« Sebelumnya' }).count(), 0, 'no previous page on the first');
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('halaman') === '2' && url.searchParams.get('urut') === 'replikasi'),
    pages.getByRole('link', { name: 'Berikutnya »' }).click(),
  ]);
  await pages.getByRole('link', { name: '« Sebelumnya' }).waitFor();
  const secondPage = await resultNames(page);
  assert.equal(secondPage.length, 20);
  assert.deepEqual(
    secondPage.filter((name) => firstPage.includes(name)),
    [],
    'the second page shows other innovations than the first',
  );
  assert.equal(await page.getByLabel('Urutkan', { exact: true }).inputValue(), 'replikasi', 'the sort is kept');
  await screenshot(page, 'catalogue-page-2');
});

test('a profile opened from the results, then the CSV export of the same results', async (t) => {
  const { page } = await openPage(t, browser, server);
  await page.goto('/katalog');
  await searchCatalogue(page, QUERY);
  const total = await catalogueTotal(page);
  const searchURL = page.url();

  await Promise.all([
    page.waitForURL((url) => /^\/inovasi\/\d+$/.test(url.pathname)),
    resultsRegion(page).getByRole('link', { name: SIPELANDUKILAT, exact: true }).click(),
  ]);
  assert.equal(await heading(page), `${SIPELANDUKILAT} (Sipelandukilat)`);
  assert.equal(await page.title(), `${SIPELANDUKILAT} · Simpul`);
  assert.equal(await fact(page, 'Bentuk inovasi'), 'Pelayanan publik');
  assert.equal(await fact(page, 'Jenis inovasi'), 'Non-digital (luring)');
  assert.equal(await fact(page, 'Tahapan inovasi'), 'Penerapan');
  assert.equal(await fact(page, 'Urusan pemerintahan'), 'Administrasi kependudukan dan pencatatan sipil');
  assert.match(await fact(page, 'Riwayat penghargaan'), /^Top 45 KIPP 2019 · Top Inovasi .*\(sumber: metrokaltara\.com\)$/);
  assert.match(await fact(page, 'Tanggal penerapan'), /^\d{1,2} [A-Z][a-z]+ \d{4}$/, 'the date in Indonesian');
  const agency = page.getByRole('link', { name: 'Pemerintah Provinsi Kalimantan Utara', exact: true });
  assert.match(await agency.getAttribute('href'), /^\/instansi\/\d+\/portofolio$/);
  for (const section of ['Latar belakang dan permasalahan', 'Rancang bangun dan pokok perubahan', 'Tujuan inovasi', 'Manfaat inovasi']) {
    await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
  }
  assert.equal(await page.getByText('data contoh').count(), 0, 'a real innovation is not badged as sample data');
  assert.equal(await page.getByRole('link', { name: 'Buka halaman pengisian' }).count(), 0, 'no edit link for visitors');

  const similarHeading = page.getByRole('heading', { level: 2, name: 'Inovasi serupa', exact: true });
  await similarHeading.waitFor();
  const similar = similarHeading.locator('xpath=following-sibling::ul[1]').getByRole('link');
  const similarNames = (await similar.allTextContents()).map((s) => s.trim());
  assert.ok(similarNames.length >= 1 && similarNames.length <= 5, `one to five similar innovations: ${similarNames}`);
  assert.ok(!similarNames.includes(SIPELANDUKILAT), 'an innovation is not similar to itself');
  assert.ok(
    similarNames.includes(`${SIPELANDUKILAT} Smart`),
    `its successor Sipelandukilat Smart is similar: ${JSON.stringify(similarNames)}`,
  );
  await screenshot(page, 'catalogue-profile');

  // Following a similar innovation opens its profile.
  await Promise.all([
    page.waitForURL((url) => /^\/inovasi\/\d+$/.test(url.pathname)),
    similar.filter({ hasText: `${SIPELANDUKILAT} Smart` }).click(),
  ]);
  assert.equal(await heading(page), `${SIPELANDUKILAT} Smart (Sipelandukilat Smart)`);
  await page.goBack();
  await page.goBack();
  await page.waitForURL(searchURL);
  assert.equal(await catalogueTotal(page), total, 'back on the same results');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    csvLink(page).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'katalog-inovasi.csv');
  assert.equal(new URL(download.url()).pathname, '/katalog/ekspor.csv');
  assert.equal(new URL(download.url()).searchParams.get('q'), QUERY);
  const text = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(text.startsWith(`${BOM}id,nama,nama_singkat,`), `starts with the BOM and the header: ${JSON.stringify(text.slice(0, 40))}`);
  const rows = parseCsv(text.slice(1));
  const [header, ...records] = rows;
  assert.equal(records.length, total, `one record per result (${total})`);
  for (const record of records) assert.equal(record.length, header.length, `a full record: ${record[0]}`);
  const names = records.map((r) => r[header.indexOf('nama')]);
  assert.ok(names.includes(SIPELANDUKILAT), 'Sipelandukilat is exported');
  const url = records.find((r) => r[header.indexOf('nama')] === SIPELANDUKILAT)[header.indexOf('url')];
  assert.match(url, /\/inovasi\/\d+$/, 'each record links its profile');
});

test('a query with an unbalanced quote shows the Indonesian hint and still searches', async (t) => {
  const { page } = await openPage(t, browser, server);
  await page.goto('/katalog');
  await searchCatalogue(page, '"dokter terbang');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent()).trim(), 'Tanda kutip tidak berpasangan; pencarian dijalankan tanpa tanda kutip itu.');
  assert.ok((await catalogueTotal(page)) > 0, 'the words are searched without the quote');
  assert.ok(
    (await resultNames(page)).some((name) => name.includes('Dokter Terbang')),
    'Pro Lantera KU (Program Layanan Dokter Terbang) is found',
  );
  await screenshot(page, 'catalogue-unbalanced-quote');
});

test('a query without hits shows the help text', async (t) => {
  const { page } = await openPage(t, browser, server);
  await page.goto('/katalog');
  await searchCatalogue(page, 'zzkata tidakadasamasekali');
  assert.equal(await catalogueTotal(page), 0);
  await page.getByText('Tidak ada inovasi yang cocok.', { exact: true }).waitFor();
  await page
    .getByText(
      'Periksa ejaan, gunakan kata yang lebih umum atau lebih sedikit, atau hapus sebagian penyaring.',
      { exact: true },
    )
    .waitFor();
  assert.equal(await resultsRegion(page).getByRole('listitem').count(), 0);
  assert.equal(pathOf(page), '/katalog');
  await screenshot(page, 'catalogue-no-hits');
});
