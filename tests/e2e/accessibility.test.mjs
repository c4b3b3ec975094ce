// axe-core on every page of this release: no violation of impact serious or critical.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertAccessible,
  htmxSwap,
  openPage,
  screenshot,
  signIn,
  useServerAndBrowser,
} from './support.mjs';
import { completeInnovation, fillInnovation, innovationId, pressAndLoad } from './innovations.mjs';

let server;
let browser;
useServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

// Opens `path`, checks the status, saves a screenshot and runs axe.
async function check(page, path, name, status = 200) {
  const response = await page.goto(path);
  assert.equal(response.status(), status, `${path} answers ${status}`);
  await screenshot(page, name);
  await assertAccessible(assert, page, `${name} (${page.url()})`);
}

async function wrongSignIn(page, lang) {
  await page.goto('/masuk');
  const labels = lang === 'en' ? ['Username', 'Password', 'Sign in'] : ['Nama pengguna', 'Kata sandi', 'Masuk'];
  await page.getByLabel(labels[0], { exact: true }).fill('demo.penyelenggara');
  await page.getByLabel(labels[1], { exact: true }).fill('bukan-kata-sandinya');
  await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/masuk' && r.request().method() === 'POST'),
    page.getByRole('button', { name: labels[2], exact: true }).click(),
  ]);
  await page.getByRole('alert').waitFor();
}

const QUERY = 'pelayanan perbatasan';
const FORM_FACET = { id: 'Bentuk inovasi', en: 'Form' };
const GOVERNANCE = { id: 'Tata kelola pemerintahan', en: 'Government administration' };
const SIPELANDUKILAT = 'Sistem Pelayanan Administrasi Kependudukan di Wilayah Pedalaman dan Perbatasan';
const KALTARA = 'Pemerintah Provinsi Kalimantan Utara';

// The profile of Sipelandukilat, found through the catalogue.
async function sipelandukilatPath(page) {
  await page.goto('/katalog?q=Sipelandukilat');
  return page.getByRole('link', { name: SIPELANDUKILAT, exact: true }).getAttribute('href');
}

// Kalimantan Utara's portfolio, linked from the profile of one of its innovations.
async function kaltaraPortfolioPath(page) {
  await page.goto(await sipelandukilatPath(page));
  return page.getByRole('link', { name: KALTARA, exact: true }).getAttribute('href');
}

for (const lang of ['id', 'en']) {
  describe(`public pages (${lang})`, () => {
    test('home', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, '/', `a11y-${lang}-home`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
    });

    test('sign-in', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, '/masuk', `a11y-${lang}-signin`);
    });

    test('sign-in with an error shown', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await wrongSignIn(page, lang);
      await screenshot(page, `a11y-${lang}-signin-error`);
      await assertAccessible(assert, page, `sign-in with error (${lang})`);
    });

    test('about', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, '/tentang', `a11y-${lang}-about`);
    });

    test('the open data API page', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, '/data-terbuka', `a11y-${lang}-api`);
    });

    test('the competitions (/kompetisi), the replication network and an upcoming part (/fkp)', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, '/kompetisi', `a11y-${lang}-kompetisi`);
      await check(page, '/replikasi', `a11y-${lang}-replikasi`);
      await check(page, '/fkp', `a11y-${lang}-fkp`);
    });

    test('the catalogue with a query and a facet ticked', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, `/katalog?q=${encodeURIComponent(QUERY)}`, `a11y-${lang}-katalog-query`);
      // Ticked like a visitor does: htmx puts the new results in place.
      const facet = page
        .getByRole('group', { name: FORM_FACET[lang], exact: true })
        .getByRole('checkbox', { name: new RegExp(`^${GOVERNANCE[lang]} \\(\\d+\\)$`) });
      await htmxSwap(page, () => facet.check());
      await page.waitForURL((url) => url.searchParams.get('bentuk') === 'tata_kelola');
      await screenshot(page, `a11y-${lang}-katalog-facet`);
      await assertAccessible(assert, page, `catalogue with a facet (${page.url()})`);
    });

    test('an innovation profile', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, await sipelandukilatPath(page), `a11y-${lang}-profile`);
    });

    test("Kalimantan Utara's portfolio", async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, await kaltaraPortfolioPath(page), `a11y-${lang}-portfolio`);
    });

    test('the 404 page', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, '/tidak-ada-halaman-ini', `a11y-${lang}-404`, 404);
    });
  });
}

describe('signed in as the demo organiser', () => {
  const pages = [
    ['/akun', 'account'],
    ['/akun/profil', 'profile'],
    ['/akun/sandi', 'password'],
    ['/pengguna', 'users'],
    ['/pengguna/baru', 'new-user'],
    ['/instansi', 'agencies'],
    ['/audit', 'audit'],
  ];
  for (const [path, name] of pages) {
    test(path, async (t) => {
      const { page } = await openPage(t, browser, server);
      await signIn(page, 'demo.penyelenggara', server.accounts['demo.penyelenggara'].password);
      await check(page, path, `a11y-organiser-${name}`);
    });
  }

  test('an agency page (/instansi/{id})', async (t) => {
    const { page } = await openPage(t, browser, server);
    await signIn(page, 'demo.penyelenggara', server.accounts['demo.penyelenggara'].password);
    await page.goto('/instansi?cari=Kalimantan+Utara');
    const href = await page
      .getByRole('link', { name: 'Pemerintah Provinsi Kalimantan Utara', exact: true })
      .getAttribute('href');
    await check(page, href, 'a11y-organiser-agency');
  });

  test('/akun in English', async (t) => {
    const { context, page } = await openPage(t, browser, server);
    await signIn(page, 'demo.penyelenggara', server.accounts['demo.penyelenggara'].password);
    await context.addCookies([{ name: 'simpul_lang', value: 'en', url: server.baseURL }]);
    await check(page, '/akun', 'a11y-en-organiser-account');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  });
});

describe('signed in as the demo local admin', () => {
  test('its agency page', async (t) => {
    const { page } = await openPage(t, browser, server);
    await signIn(page, 'demo.adminlokal', server.accounts['demo.adminlokal'].password);
    const response = await page.goto('/instansi'); // a local admin is sent to its own agency
    assert.equal(response.status(), 200);
    assert.match(new URL(page.url()).pathname, /^\/instansi\/\d+$/);
    await screenshot(page, 'a11y-localadmin-agency');
    await assertAccessible(assert, page, `local admin's agency page (${page.url()})`);
  });

  test('/pengguna/baru', async (t) => {
    const { page } = await openPage(t, browser, server);
    await signIn(page, 'demo.adminlokal', server.accounts['demo.adminlokal'].password);
    await check(page, '/pengguna/baru', 'a11y-localadmin-new-user');
  });
});

// The operator creates a draft through the form, then saves it again: versions 1 and 2.
async function draftSavedTwice(page) {
  await page.goto('/inovasi/baru');
  await fillInnovation(page, completeInnovation({ name: 'Layanan Akta Keliling Sebatik', note: 'draf pertama' }));
  await pressAndLoad(page, 'Simpan draf', (url) => url.pathname.endsWith('/ubah'));
  await fillInnovation(page, {
    name: 'Layanan Akta Keliling Pulau Sebatik',
    budget: '2.750.000',
    affairs: ['Kesehatan'],
    note: 'nama dan anggaran diperbarui',
  });
  await pressAndLoad(page, 'Simpan draf', (url) => url.pathname.endsWith('/ubah'));
  return innovationId(page);
}

describe('signed in as the demo unit operator', () => {
  async function operator(t) {
    const { page } = await openPage(t, browser, server);
    await signIn(page, 'demo.unit', server.accounts['demo.unit'].password);
    return page;
  }

  test('/inovasi/saya', async (t) => {
    const page = await operator(t);
    await check(page, '/inovasi/saya', 'a11y-operator-mine');
  });

  test('/inovasi/baru, empty', async (t) => {
    const page = await operator(t);
    await check(page, '/inovasi/baru', 'a11y-operator-new');
  });

  test('/inovasi/baru with validation errors', async (t) => {
    const page = await operator(t);
    await page.goto('/inovasi/baru');
    await fillInnovation(page, {
      name: 'Inovasi dengan isian salah',
      trialDate: '2024-05-01',
      implementationDate: '2023-01-01',
      budget: '-5',
      video: 'https://vimeo.com/123',
      tags: 'a, b, c, d, e, f, g, h, i, j, k',
      results: [{ indicator: '', before: '3', after: '1', unit: 'hari' }],
    });
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/inovasi/baru' && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Simpan draf', exact: true }).click(),
    ]);
    assert.equal(response.status(), 422);
    await page.getByRole('alert').first().waitFor();
    assert.ok((await page.locator('[aria-invalid="true"]').count()) >= 4, 'the wrong fields are marked');
    await screenshot(page, 'a11y-operator-new-errors');
    await assertAccessible(assert, page, 'new innovation form with errors');
  });

  test('an edit page and its versions after two saves', async (t) => {
    const page = await operator(t);
    const id = await draftSavedTwice(page);
    await screenshot(page, 'a11y-operator-edit');
    await assertAccessible(assert, page, `edit page (${page.url()})`);
    await check(page, `/inovasi/${id}/versi`, 'a11y-operator-versions');
    await page.getByRole('heading', { level: 2, name: 'Perbedaan versi 1 dan versi 2' }).waitFor();
  });
});

describe('signed in as the demo local admin (registry)', () => {
  test('/inovasi/saya', async (t) => {
    const { page } = await openPage(t, browser, server);
    await signIn(page, 'demo.adminlokal', server.accounts['demo.adminlokal'].password);
    await check(page, '/inovasi/saya', 'a11y-localadmin-mine');
  });
});

describe('signed in as the demo evaluator', () => {
  test('/penilai/konflik, with a tie declared and a refused one', async (t) => {
    const { page } = await openPage(t, browser, server);
    await signIn(page, 'demo.evaluator', server.accounts['demo.evaluator'].password);
    await check(page, '/penilai/konflik', 'a11y-evaluator-conflicts');
    await page.getByLabel('Instansi', { exact: true }).selectOption({ label: KALTARA });
    await page.getByLabel('Jenis hubungan').selectOption({ label: 'Penasihat, pendamping atau konsultan' });
    await pressAndLoad(page, 'Nyatakan');
    assert.match(await page.getByRole('status').first().textContent(), /Hubungan dinyatakan/);
    await page.getByLabel('Instansi', { exact: true }).selectOption({ label: KALTARA });
    await page.getByLabel('Jenis hubungan').selectOption({ label: 'Penasihat, pendamping atau konsultan' });
    await pressAndLoad(page, 'Nyatakan');
    assert.match(await page.getByRole('alert').first().textContent(), /sudah dinyatakan/);
    await screenshot(page, 'a11y-evaluator-conflicts-refused');
    await assertAccessible(assert, page, 'the conflicts page with a refusal');
  });
});
