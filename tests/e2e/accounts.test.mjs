// Browser tests of the public pages' language switch and of the SINOVIK account flow, driven
// through the pages like a person would (labels, roles, link and button names).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
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

const NAV_ID = ['Katalog Inovasi', 'Kompetisi', 'Replikasi', 'Forum Konsultasi Publik', 'Survei Kepuasan', 'Statistik'];
const NAV_EN = [
  'Innovation Catalogue',
  'Competition',
  'Replication',
  'Public Consultation Forum',
  'Satisfaction Survey',
  'Statistics',
];

async function htmlLang(page) {
  return page.locator('html').getAttribute('lang');
}

async function navLabels(page, name) {
  const links = page.getByRole('navigation', { name }).getByRole('link');
  return (await links.allTextContents()).map((s) => s.trim());
}

async function heading(page) {
  return (await page.getByRole('heading', { level: 1 }).textContent()).trim();
}

// The value next to a term of a <dl class="facts"> list ("Kata sandi sementara" → the password).
async function fact(page, term) {
  const dd = page.locator('dl.facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  return (await dd.textContent()).trim();
}

// Waits for a text to be shown; fails with the text in the message.
async function expectText(page, text) {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible' });
}

async function submit(page, buttonName, expectedPath) {
  await Promise.all([
    expectedPath
      ? page.waitForURL((url) => url.pathname === expectedPath)
      : page.waitForLoadState('load'),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
}

// The organiser (or a local admin) fills the new-user form that is already open and reads the
// temporary password shown once.
async function createAccount(page, { username, fullName, unit }) {
  if (unit) await page.getByLabel('Unit pelayanan').selectOption({ label: unit });
  await page.getByLabel('Nama pengguna').fill(username);
  if (fullName) await page.getByLabel('Nama lengkap').fill(fullName);
  await page.getByRole('button', { name: 'Buat akun', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Akun dibuat' }).waitFor();
  assert.equal(await fact(page, 'Nama pengguna'), username);
  const password = await fact(page, 'Kata sandi sementara');
  assert.match(password, /^\S{10,}$/, 'a temporary password is shown');
  await expectText(page, 'Catat kata sandi sementara ini sekarang: kata sandi ini hanya ditampilkan sekali.');
  return password;
}

// The SINOVIK first sign-in: profile first, then a new password, then the account page.
async function firstSignIn(page, { username, temporary, profile, newPassword, shotPrefix, tryWeakPassword }) {
  await signIn(page, username, temporary);
  assert.equal(pathOf(page), '/akun/profil', `${username} is sent to complete the profile`);
  assert.equal(await heading(page), 'Profil');
  await expectText(
    page,
    'Selamat datang. Sebelum memakai Simpul, lengkapi profil Anda, lalu ganti kata sandi sementara.',
  );
  await screenshot(page, `${shotPrefix}-profile-first-time`);

  // Until the setup is done every other page leads back to it.
  await page.goto('/akun');
  assert.equal(pathOf(page), '/akun/profil', 'the account page waits for the profile');

  await page.getByLabel('Nama lengkap').fill(profile.fullName);
  await page.getByLabel('Jabatan').fill(profile.position);
  await page.getByLabel('Surel').fill(profile.email);
  await submit(page, 'Simpan profil', '/akun/sandi');
  assert.equal(await heading(page), 'Ganti kata sandi');
  await expectText(page, 'Profil tersimpan. Sekarang ganti kata sandi Anda.');
  await expectText(page, 'Langkah terakhir: ganti kata sandi sementara dengan kata sandi Anda sendiri.');
  await expectText(page, 'Minimal 10 karakter, dengan huruf besar, huruf kecil dan angka.');
  await screenshot(page, `${shotPrefix}-password-first-time`);

  if (tryWeakPassword) {
    // Long enough for the browser, but without a digit: the server's rule refuses it.
    await page.getByLabel('Kata sandi saat ini').fill(temporary);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('TanpaAngkaSamaSekali');
    await page.getByLabel('Ulangi kata sandi baru').fill('TanpaAngkaSamaSekali');
    await submit(page, 'Ganti kata sandi');
    assert.equal(pathOf(page), '/akun/sandi');
    await expectText(page, 'Ada yang perlu dibetulkan');
    await expectText(page, 'Kata sandi harus memuat angka.');
    assert.equal(
      await page.getByLabel('Kata sandi baru', { exact: true }).getAttribute('aria-invalid'),
      'true',
    );
    await screenshot(page, `${shotPrefix}-password-rule-broken`);
  }

  await page.getByLabel('Kata sandi saat ini').fill(temporary);
  await page.getByLabel('Kata sandi baru', { exact: true }).fill(newPassword);
  await page.getByLabel('Ulangi kata sandi baru').fill(newPassword);
  await submit(page, 'Ganti kata sandi', '/akun');
  assert.equal(await heading(page), 'Akun saya');
  await expectText(page, 'Kata sandi telah diganti.');
  assert.equal(await fact(page, 'Nama pengguna'), username);
  assert.equal(await fact(page, 'Nama lengkap'), profile.fullName);
  assert.equal(await fact(page, 'Jabatan'), profile.position);
  assert.equal(await fact(page, 'Surel'), profile.email);
  await screenshot(page, `${shotPrefix}-account`);
}

// The rows of the audit table as {actor, action, entity, before, after}, after filtering by actor.
async function auditRowsOf(page, actor) {
  await page.getByLabel('Pelaku').fill(actor);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('pelaku') === actor),
    page.getByRole('button', { name: 'Tampilkan', exact: true }).click(),
  ]);
  const rows = page.getByRole('table').locator('tbody').getByRole('row');
  const out = [];
  for (const row of await rows.all()) {
    const cells = (await row.getByRole('cell').allTextContents()).map((s) => s.trim());
    out.push({ actor: cells[1], action: cells[2], entity: cells[3], before: cells[4], after: cells[5] });
  }
  return out;
}

test('a visitor reads the home page in Indonesian, switches to English and the choice is remembered', async (t) => {
  const { context, page } = await openPage(t, browser, server);
  const response = await page.goto('/');
  assert.equal(response.status(), 200);
  assert.equal(await htmlLang(page), 'id');
  assert.deepEqual(await navLabels(page, 'Navigasi utama'), NAV_ID);
  assert.equal(await heading(page), 'Inovasi pelayanan publik, dari gagasan sampai replikasi');
  await screenshot(page, 'home-id');

  const toEnglish = page.getByRole('button', { name: 'English', exact: true });
  assert.equal(await toEnglish.getAttribute('lang'), 'en', 'the switch names its language in that language');
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), toEnglish.click()]);
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  assert.equal(await htmlLang(page), 'en');
  assert.deepEqual(await navLabels(page, 'Main navigation'), NAV_EN);
  assert.equal(await heading(page), 'Public-service innovation, from idea to replication');
  await screenshot(page, 'home-en');

  // The choice is kept in a lasting cookie, so the next visit is in English too.
  const cookie = (await context.cookies()).find((c) => c.name === 'simpul_lang');
  assert.equal(cookie?.value, 'en');
  assert.ok(cookie.expires > Date.now() / 1000 + 300 * 24 * 3600, 'the language cookie lasts about a year');

  await page.goto('/tentang');
  assert.equal(await htmlLang(page), 'en');
  assert.equal(await heading(page), 'About Simpul');
  await page.reload();
  assert.equal(await htmlLang(page), 'en');

  // And back, staying on the same page.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/tentang'),
    page.getByRole('button', { name: 'Bahasa Indonesia', exact: true }).click(),
  ]);
  await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
  assert.equal(await htmlLang(page), 'id');
  assert.equal(await heading(page), 'Tentang Simpul');
});

test('SINOVIK flow: organiser adds a local admin, who adds a unit and its operator; all in the audit trail', async (t) => {
  const { page } = await openPage(t, browser, server);
  const organiser = server.accounts['demo.penyelenggara'];

  // The organiser signs in and finds the province's agency.
  await signIn(page, 'demo.penyelenggara', organiser.password);
  assert.equal(pathOf(page), '/akun');
  assert.equal(await heading(page), 'Akun saya');
  const accountMenu = page.getByRole('navigation', { name: 'Menu akun' });
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/instansi'),
    accountMenu.getByRole('link', { name: 'Instansi', exact: true }).click(),
  ]);
  assert.equal(await heading(page), 'Instansi');
  await page.getByLabel('Cari nama').fill('Kalimantan Utara');
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('cari') === 'Kalimantan Utara'),
    page.getByRole('button', { name: 'Tampilkan', exact: true }).click(),
  ]);
  await screenshot(page, 'flow-agency-search');
  await Promise.all([
    page.waitForURL((url) => /^\/instansi\/\d+$/.test(url.pathname)),
    page.getByRole('link', { name: 'Pemerintah Provinsi Kalimantan Utara', exact: true }).click(),
  ]);
  const agencyPath = pathOf(page);
  assert.equal(await heading(page), 'Pemerintah Provinsi Kalimantan Utara');

  // A local admin for it; the temporary password is shown once.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/pengguna/baru'),
    page.getByRole('link', { name: 'Tambah admin lokal', exact: true }).click(),
  ]);
  assert.equal(await heading(page), 'Tambah pengguna');
  assert.equal(await page.getByLabel('Peran').inputValue(), 'local_admin', 'the role comes preselected');
  await expectText(page, 'Pemerintah Provinsi Kalimantan Utara');
  const adminTemporary = await createAccount(page, { username: 'admin.kaltara' });
  assert.equal(await fact(page, 'Peran'), 'Admin Lokal');
  assert.equal(await fact(page, 'Instansi'), 'Pemerintah Provinsi Kalimantan Utara');
  await screenshot(page, 'flow-local-admin-created');
  await signOut(page);
  await expectText(page, 'Anda telah keluar.');

  // The local admin's first sign-in.
  await firstSignIn(page, {
    username: 'admin.kaltara',
    temporary: adminTemporary,
    profile: { fullName: 'Rina Kaltara', position: 'Kepala Bagian Organisasi', email: 'rina@kaltaraprov.go.id' },
    newPassword: 'Kaltara2025Aman',
    shotPrefix: 'flow-admin',
    tryWeakPassword: true,
  });
  assert.equal(await fact(page, 'Peran'), 'Admin Lokal');
  assert.equal(await fact(page, 'Instansi'), 'Pemerintah Provinsi Kalimantan Utara');

  // Its agency page, through the account menu, and a new service unit there.
  await Promise.all([
    page.waitForURL((url) => url.pathname === agencyPath),
    page.getByRole('navigation', { name: 'Menu akun' }).getByRole('link', { name: 'Instansi', exact: true }).click(),
  ]);
  assert.equal(await heading(page), 'Pemerintah Provinsi Kalimantan Utara');
  // The demo data already has a Dinas Kesehatan in Kalimantan Utara: a unit it does not have yet.
  await page.getByLabel('Nama unit (OPD / unit pelayanan publik)').fill('Dinas Pariwisata');
  await submit(page, 'Tambah unit pelayanan', agencyPath);
  await expectText(page, 'Unit pelayanan telah ditambahkan.');
  const units = page.getByRole('heading', { name: 'Unit pelayanan', exact: true }).locator('xpath=following-sibling::ul[1]');
  assert.ok(
    (await units.getByRole('listitem').allTextContents()).map((s) => s.trim()).includes('Dinas Pariwisata'),
    'the new unit is listed',
  );
  await screenshot(page, 'flow-unit-added');

  // An operator for that unit.
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/pengguna/baru'),
    page.getByRole('link', { name: 'Tambah pengguna', exact: true }).click(),
  ]);
  assert.equal(await page.getByLabel('Peran').inputValue(), 'unit_operator');
  const operatorTemporary = await createAccount(page, {
    username: 'operator.dkp',
    fullName: 'Operator Dinas Pariwisata',
    unit: 'Dinas Pariwisata',
  });
  assert.equal(await fact(page, 'Peran'), 'Operator Unit Pelayanan');
  assert.equal(await fact(page, 'Unit pelayanan'), 'Dinas Pariwisata');
  await screenshot(page, 'flow-operator-created');
  await signOut(page);

  // The operator's first sign-in.
  await firstSignIn(page, {
    username: 'operator.dkp',
    temporary: operatorTemporary,
    profile: { fullName: 'Budi Santoso', position: 'Operator SIMPUL', email: 'budi@dkp.kaltaraprov.go.id' },
    newPassword: 'Perikanan2025Ok',
    shotPrefix: 'flow-operator',
  });
  assert.equal(await fact(page, 'Peran'), 'Operator Unit Pelayanan');
  assert.equal(await fact(page, 'Unit pelayanan'), 'Dinas Pariwisata');
  await signOut(page);

  // The organiser reads what happened in the audit trail.
  await signIn(page, 'demo.penyelenggara', organiser.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/audit'),
    page.getByRole('navigation', { name: 'Menu akun' }).getByRole('link', { name: 'Jejak audit', exact: true }).click(),
  ]);
  assert.equal(await heading(page), 'Jejak audit');
  await screenshot(page, 'flow-audit');

  const byOrganiser = await auditRowsOf(page, 'demo.penyelenggara');
  const adminCreated = byOrganiser.find((r) => r.action === 'user.create' && r.after.includes('"admin.kaltara"'));
  assert.ok(adminCreated, `the organiser's creation of admin.kaltara is recorded:\n${JSON.stringify(byOrganiser, null, 1)}`);
  assert.match(adminCreated.after, /"role":\s*"local_admin"/);

  const byAdmin = await auditRowsOf(page, 'admin.kaltara');
  const adminActions = byAdmin.map((r) => r.action);
  for (const action of ['session.signin', 'user.profile', 'user.password', 'unit.create', 'user.create', 'session.signout']) {
    assert.ok(adminActions.includes(action), `audit has ${action} by admin.kaltara; has ${adminActions.join(', ')}`);
  }
  assert.ok(byAdmin.some((r) => r.action === 'unit.create' && r.after.includes('Dinas Pariwisata')));
  assert.ok(byAdmin.some((r) => r.action === 'user.create' && r.after.includes('"operator.dkp"')));
  assert.ok(
    byAdmin.some((r) => r.action === 'user.profile' && r.after.includes('Rina Kaltara')),
    'the profile change records the new values',
  );

  const byOperator = (await auditRowsOf(page, 'operator.dkp')).map((r) => r.action);
  for (const action of ['session.signin', 'user.profile', 'user.password', 'session.signout']) {
    assert.ok(byOperator.includes(action), `audit has ${action} by operator.dkp; has ${byOperator.join(', ')}`);
  }
  await screenshot(page, 'flow-audit-operator');
});

test('sign-in and the first-sign-in setup work with JavaScript disabled', async (t) => {
  const { page } = await openPage(t, browser, server, { javaScriptEnabled: false });
  const organiser = server.accounts['demo.penyelenggara'];

  await signIn(page, 'demo.penyelenggara', organiser.password);
  assert.equal(pathOf(page), '/akun');
  await page.goto('/instansi');
  await page.getByLabel('Cari nama').fill('Gorontalo');
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('cari') === 'Gorontalo'),
    page.getByRole('button', { name: 'Tampilkan', exact: true }).click(),
  ]);
  await Promise.all([
    page.waitForURL((url) => /^\/instansi\/\d+$/.test(url.pathname)),
    page.getByRole('link', { name: 'Pemerintah Provinsi Gorontalo', exact: true }).click(),
  ]);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/pengguna/baru'),
    page.getByRole('link', { name: 'Tambah admin lokal', exact: true }).click(),
  ]);
  const temporary = await createAccount(page, { username: 'admin.gorontalo' });
  await screenshot(page, 'nojs-created');
  await signOut(page);

  await firstSignIn(page, {
    username: 'admin.gorontalo',
    temporary,
    profile: { fullName: 'Sri Gorontalo', position: 'Analis Kebijakan', email: 'sri@gorontaloprov.go.id' },
    newPassword: 'Gorontalo2025Ok',
    shotPrefix: 'nojs-admin',
    tryWeakPassword: true,
  });

  // The new password is the one that works from now on.
  await signOut(page);
  await signIn(page, 'admin.gorontalo', 'Gorontalo2025Ok');
  assert.equal(pathOf(page), '/akun');
  assert.equal(await heading(page), 'Akun saya');
});

test('a wrong password shows the Indonesian error and stays on the sign-in page', async (t) => {
  const { page } = await openPage(t, browser, server);
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna').fill('demo.penyelenggara');
  await page.getByLabel('Kata sandi', { exact: true }).fill('bukan-kata-sandinya');
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/masuk' && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Masuk', exact: true }).click(),
  ]);
  assert.equal(response.status(), 401);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.textContent()).trim(), 'Nama pengguna atau kata sandi salah.');
  assert.equal(pathOf(page), '/masuk');
  assert.equal(await heading(page), 'Masuk');
  assert.equal(await page.getByLabel('Nama pengguna').inputValue(), 'demo.penyelenggara', 'the username is kept');
  assert.equal(await page.getByLabel('Kata sandi', { exact: true }).inputValue(), '', 'the password is not echoed');
  assert.equal(
    await page.getByLabel('Nama pengguna').getAttribute('aria-describedby'),
    'signin-error',
    'the error is tied to the field',
  );
  assert.equal(await page.getByRole('button', { name: 'Keluar' }).count(), 0, 'nobody is signed in');
  await screenshot(page, 'signin-wrong-password');
});
