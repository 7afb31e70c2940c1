// The statistics pages at 360 px and 1280 px, in bokmål and English: a coordinator
// publishes last year's figures of one of the demo's programmes by keyboard from the
// statistics page, and the overview, the programme's page and a table (with its level and
// period filters) are axe-clean, fit the phone and have their headings; the analyst, whose
// home and menu lead there, reads the same table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { startServer } from './server.mjs';
import {
  launchBrowser, pathOf, checkPage, assertNoProblems, landing, signedInAs,
} from './lib.mjs';

let server;
let browser;
let tablePath; // the published table, found after publishing

before(async () => {
  server = await startServer('server-statistics');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Signed in as `role` in `lang`, on a context of its own. */
const signedIn = (role, lang) => signedInAs(browser, server, role, lang);

test('a coordinator publishes last year by keyboard from the statistics page', { timeout: 120_000 }, async () => {
  const { context, page } = await signedIn('coordinator', 'nb');
  try {
    await page.goto('/statistics');
    const year = String(new Date().getFullYear() - 1);
    await page.locator('#year').selectOption(year);
    await page.locator('#note').focus();
    await page.keyboard.type('Første utgave');
    await page.locator('form[action="/statistics/publish"] button[type="submit"]').focus();
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.equal(response.status(), 200, `publishing ended at ${await landing(page, response)}`);
    assert.match(pathOf(page), new RegExp(`^/statistics/\\d+/${year}/participants_by_age`), 'the new table is shown');
    tablePath = pathOf(page);
    assert.ok(await page.locator('#statistics-table caption').count() === 1, 'the table has a caption');
    assert.ok(await page.locator('#statistics-table th[scope="row"]').count() >= 1, 'its lines have row headers');
  } finally {
    await context.close();
  }
});

for (const lang of ['nb', 'en']) {
  for (const role of ['coordinator', 'analyst']) {
    test(`the statistics pages are axe-clean and fit a phone (${role}, ${lang})`, { timeout: 180_000 }, async () => {
      assert.ok(tablePath, 'a table was published first');
      const { context, page } = await signedIn(role, lang);
      const problems = [];
      try {
        await page.goto('/');
        const fromHome = page.locator('main a[href="/statistics"]');
        assert.equal(await fromHome.count(), 1, `${role}'s home leads to the statistics`);
        const programme = tablePath.split('/').slice(0, 3).join('/');
        const year = tablePath.split('/')[3];
        assert.equal(await page.locator('#home-statistics a').count(), 1, `${role}'s home lists the published programme`);
        for (const path of [
          '/',
          '/statistics',
          programme,
          tablePath,
          `${programme}/${year}/participants_by_outcome?period=${year}-autumn`,
          `${programme}/${year}/courses_by_status`,
          `${programme}/${year}/participants_by_channel?level=nation`,
          `${programme}/${year}/participants_by_sex`,
          `${programme}/${year}/participants_by_dropout_reason`,
          `${programme}/${year}/participants_by_attendance`,
          `${programme}/${year}/waitlist_at_term_start`,
          `${programme}/${year}/outcome-change`,
          `${programme}/${year}/evaluation`,
          `${programme}/${year}/attendance-per-session`,
          `${programme}/${year}/leaders_by_certification`,
          ...(role === 'coordinator' ? ['/statistics/import', `${programme}/send`, `${programme}/installations`] : []),
        ]) {
          const response = await page.goto(path);
          assert.equal(response.status(), 200, `${path} ended at ${await landing(page, response)}`);
          const name = `statistics-${role}-${lang}-${path.replaceAll('/', '_')}`;
          problems.push(...await checkPage(page, { name, lang, where: { page: path, role, lang } }));
        }
        // The filters ask for the table again at another period.
        await page.goto(tablePath);
        await page.locator('#period').selectOption(`${year}-spring`);
        const [response] = await Promise.all([
          page.waitForNavigation({ waitUntil: 'load' }),
          page.locator('form.filters button[type="submit"]').click(),
        ]);
        assert.equal(response.status(), 200);
        assert.ok(page.url().includes(`period=${year}-spring`), `the filter chose the spring: ${page.url()}`);
        if (role === 'coordinator') {
          // A file that is no workbook: the problem is named at the field, axe-clean.
          await page.goto('/statistics/import');
          await page.locator('#workbook').setInputFiles({ name: 'x.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
          const [refused] = await Promise.all([
            page.waitForNavigation({ waitUntil: 'load' }),
            page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click(),
          ]);
          assert.equal(refused.status(), 422);
          assert.equal(await page.locator('#workbook-error').count(), 1, 'the problem stands at the field');
          problems.push(...await checkPage(page, { name: `statistics-import-refused-${lang}`, lang, where: { page: '/statistics/import (refused)', role, lang } }));
          // A file that is no submission, and an installation with nothing filled in.
          await page.goto(`${programme}/installations`);
          await page.locator('#submission').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
          const [unread] = await Promise.all([
            page.waitForNavigation({ waitUntil: 'load' }),
            page.locator('form[enctype="multipart/form-data"] button[type="submit"]').click(),
          ]);
          assert.equal(unread.status(), 422);
          assert.equal(await page.locator('#submission-error').count(), 1, 'the problem stands at the file field');
          const [empty] = await Promise.all([
            page.waitForNavigation({ waitUntil: 'load' }),
            page.locator('section[aria-labelledby="register-heading"] button[type="submit"]').click(),
          ]);
          assert.equal(empty.status(), 422);
          assert.equal(await page.locator('#public_key-error').count(), 1, 'the key is named');
          problems.push(...await checkPage(page, { name: `statistics-installations-refused-${lang}`, lang, where: { page: `${programme}/installations (refused)`, role, lang } }));
          // Registered with an installation's real key: the token is shown once, and the
          // installation's row has its buttons.
          const { publicKey } = generateKeyPairSync('ed25519');
          const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url').toString('base64');
          await page.locator('#name').fill(`Installasjon ${lang}`);
          await page.locator('#region').selectOption('vestland');
          await page.locator('#public_key').fill(raw);
          const [registered] = await Promise.all([
            page.waitForNavigation({ waitUntil: 'load' }),
            page.locator('section[aria-labelledby="register-heading"] button[type="submit"]').click(),
          ]);
          assert.equal(registered.status(), 201);
          assert.equal(await page.locator('#token').count(), 1, 'the token is shown');
          assert.ok(await page.locator('#installations button').count() >= 2, 'a new token and removal are offered');
          problems.push(...await checkPage(page, { name: `statistics-installations-registered-${lang}`, lang, where: { page: `${programme}/installations (registered)`, role, lang } }));
        }
      } finally {
        await context.close();
      }
      assertNoProblems(problems, `statistics pages (${role}, ${lang})`);
    });
  }
}
