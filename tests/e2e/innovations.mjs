// Helpers of the browser tests of the catalogue and the innovation registry: searching the
// catalogue like a visitor, reading its results, parsing the CSV export, and filling the
// innovation form like a unit operator.
import { htmxSwap } from './support.mjs';

// ---------------------------------------------------------------------------------------------
// The catalogue

/** The "Hasil pencarian" region of /katalog. */
export function resultsRegion(page) {
  return page.getByRole('region', { name: 'Hasil pencarian', exact: true });
}

/** The total the catalogue announces ("25 inovasi ditemukan"), as a number. */
export async function catalogueTotal(page) {
  const status = resultsRegion(page).getByRole('status').filter({ hasText: 'inovasi ditemukan' });
  const text = (await status.locator('strong').textContent()).trim();
  return Number(text.replace(/\./g, ''));
}

/** The names of the results shown (the heading of each, short name included). */
export async function resultNames(page) {
  const names = await resultsRegion(page).getByRole('heading', { level: 3 }).allTextContents();
  return names.map((s) => s.replace(/\s+/g, ' ').trim());
}

/**
 * Types `text` into "Cari inovasi" and presses "Cari". With JavaScript on, htmx updates the
 * results in place; without it the form loads the results page. Either way this resolves once
 * the new results are shown and the URL says the query.
 */
export async function searchCatalogue(page, text) {
  await page.getByLabel('Cari inovasi', { exact: true }).fill(text);
  const button = page.getByRole('button', { name: 'Cari', exact: true });
  // With JavaScript disabled the htmx script never runs.
  if (await page.evaluate(() => typeof window.htmx !== 'undefined')) {
    await htmxSwap(page, () => button.click());
  } else {
    await Promise.all([page.waitForLoadState('load'), button.click()]);
  }
  await page.waitForURL((url) => url.pathname === '/katalog' && url.searchParams.get('q') === text);
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The innovation registry

/**
 * A "Rancang bangun dan pokok perubahan" of well over 300 words (the minimum to send or
 * publish), made of plain Indonesian sentences about `topic`.
 */
export function designText(topic, steps = 30) {
  const sentences = [`Rancang bangun ${topic} disusun bersama warga dan petugas lapangan.`];
  for (let i = 1; i <= steps; i += 1) {
    sentences.push(
      `Langkah ${i}: petugas mencatat kebutuhan warga, memeriksa berkas, lalu menyerahkan dokumen di tempat.`,
    );
  }
  return sentences.join(' ');
}

/** Words as the form counts them: runs of non-space characters holding a letter or digit. */
export function wordCount(text) {
  return text.split(/[ \t\n\r\f\v\u00a0]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** A complete innovation of the Disdukcapil unit, ready to be sent; `overrides` replace fields. */
export function completeInnovation(overrides = {}) {
  return {
    name: 'Akta Kelahiran Terapung Lumbis Ogong',
    shortName: 'Akta Terapung',
    form: 'Pelayanan publik',
    type: 'Non-digital (luring)',
    stage: 'Penerapan',
    initiator: 'Perangkat daerah',
    affairs: ['Administrasi kependudukan dan pencatatan sipil'],
    sdgs: ['16. Perdamaian, Keadilan dan Kelembagaan yang Tangguh', '10. Berkurangnya Kesenjangan'],
    trialDate: '2023-03-01',
    implementationDate: '2024-01-15',
    problem:
      'Warga desa di hulu Sungai Sembakung harus berperahu dua hari ke Nunukan untuk mengurus akta kelahiran anak.',
    design: designText('layanan akta kelahiran dengan perahu'),
    goals: 'Setiap anak di hulu sungai memiliki akta kelahiran sebelum berumur satu tahun.',
    benefits: 'Keluarga tidak lagi menanggung ongkos perjalanan dan kehilangan hari kerja.',
    results: [{ indicator: 'Waktu pengurusan akta', before: '14', after: '1', unit: 'hari' }],
    budget: '1.500.000',
    video: 'https://youtu.be/dQw4w9WgXcQ',
    tags: 'akta kelahiran, perahu, perbatasan',
    note: 'draf pertama',
    ...overrides,
  };
}

/**
 * Fills the innovation form that is open (new or edit page) like a person would: by labels.
 * Only the keys present in `data` are touched; lists of checkboxes are ticked, never unticked.
 */
export async function fillInnovation(page, data) {
  const text = {
    name: 'Nama inovasi',
    shortName: 'Nama singkat (opsional)',
    trialDate: 'Tanggal uji coba',
    implementationDate: 'Tanggal penerapan',
    problem: 'Latar belakang dan permasalahan',
    design: 'Rancang bangun dan pokok perubahan',
    goals: 'Tujuan inovasi',
    benefits: 'Manfaat inovasi',
    budget: 'Anggaran (rupiah)',
    video: 'Tautan video YouTube',
    tags: 'Tag',
    note: 'Catatan perubahan (opsional)',
  };
  const selects = {
    form: 'Bentuk inovasi',
    type: 'Jenis inovasi',
    stage: 'Tahapan inovasi',
    initiator: 'Inisiator',
  };
  for (const [key, label] of Object.entries(text)) {
    if (data[key] !== undefined) await page.getByLabel(label, { exact: true }).fill(data[key]);
  }
  for (const [key, label] of Object.entries(selects)) {
    if (data[key] !== undefined) await page.getByLabel(label, { exact: true }).selectOption({ label: data[key] });
  }
  const affairs = page.getByRole('group', { name: 'Urusan pemerintahan', exact: true });
  for (const affair of data.affairs ?? []) {
    await affairs.getByRole('checkbox', { name: affair, exact: true }).check();
  }
  const sdgs = page.getByRole('group', { name: 'Tujuan Pembangunan Berkelanjutan (SDGs)', exact: true });
  for (const sdg of data.sdgs ?? []) {
    await sdgs.getByRole('checkbox', { name: sdg, exact: true }).check();
  }
  for (const [i, result] of (data.results ?? []).entries()) {
    const row = page.getByRole('group', { name: `Hasil ${i + 1}`, exact: true });
    await row.getByLabel('Indikator', { exact: true }).fill(result.indicator);
    await row.getByLabel('Sebelum', { exact: true }).fill(result.before);
    await row.getByLabel('Sesudah', { exact: true }).fill(result.after);
    await row.getByLabel('Satuan', { exact: true }).fill(result.unit);
  }
}

/** Presses a button of the registry's pages and waits for the page it leads to. */
export async function pressAndLoad(page, buttonName, expected = () => true) {
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  if (!expected(new URL(page.url()))) throw new Error(`"${buttonName}" led to ${page.url()}`);
}

/** The items of the "Kelengkapan" checklist on the edit page, as shown. */
export async function checklist(page) {
  const region = page.getByRole('region', { name: 'Kelengkapan', exact: true });
  return (await region.getByRole('listitem').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
}

/** The status line of the edit page ("Status: Draf di unit"), without "Status:". */
export async function editStatus(page) {
  const line = page.locator('main p').filter({ hasText: /^Status:/ });
  return (await line.locator('strong').textContent()).trim();
}

/** The id of the innovation whose edit page (/inovasi/{id}/ubah) is open. */
export function innovationId(page) {
  const match = /^\/inovasi\/(\d+)\/ubah$/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not on an edit page: ${page.url()}`);
  return Number(match[1]);
}
