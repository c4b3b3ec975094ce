// axe-core on every page of this release: no violation of impact serious or critical.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, launchBrowser, openPage, screenshot, signIn, startServer } from './support.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
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

    test('an upcoming part (/katalog)', async (t) => {
      const { page } = await openPage(t, browser, server, { lang });
      await check(page, '/katalog', `a11y-${lang}-katalog`);
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
