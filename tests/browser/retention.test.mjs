// How long personal data is kept, in the browser: the coordinator's home leads to the
// rules; a rule shorter than the law allows is named at its field with what was typed
// kept; a valid change is confirmed; erasing on request names a missing reference and
// confirmation. Every state under axe at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, LANGS, signedInAs, submitFormOf, checkPage, assertNoProblems, landing } from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-retention');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const lang of LANGS) {
  test(`the coordinator sets how long records are kept (${lang})`, { timeout: 90_000 }, async () => {
    const problems = [];
    const coordinator = await signedInAs(browser, server, 'coordinator', lang);
    try {
      const page = coordinator.page;
      await page.goto('/');
      assert.equal(await page.locator('a[href="/retention"]').count(), 1, 'the home offers it');
      await page.goto('/retention');
      problems.push(...await checkPage(page, { name: `retention-${lang}`, lang, where: { page: '/retention', lang } }));
      await page.locator('#unplaced_applications').fill('2');
      await page.locator('#sent_mail').fill('seks');
      const refused = await submitFormOf(page, '#sent_mail');
      assert.equal(refused.status(), 422, await landing(page, refused));
      for (const field of ['unplaced_applications', 'sent_mail']) {
        assert.equal(await page.locator(`.error-summary a[href="#${field}"]`).count(), 1, `the summary links to ${field}`);
      }
      assert.equal(await page.locator('#sent_mail').inputValue(), 'seks', 'what was typed is kept');
      problems.push(...await checkPage(page, { name: `retention-refused-${lang}`, lang, where: { page: '/retention (422)', lang } }));
      await page.locator('#unplaced_applications').fill('18');
      await page.locator('#sent_mail').fill('6');
      const saved = await submitFormOf(page, '#sent_mail');
      assert.equal(saved.status(), 200, await landing(page, saved));
      assert.equal(await page.locator('.notice[role="status"]').count(), 1, 'the change is confirmed');
      assert.equal(await page.locator('#unplaced_applications').inputValue(), '18');
      problems.push(...await checkPage(page, { name: `retention-saved-${lang}`, lang, where: { page: '/retention (saved)', lang } }));
      // Erasing on request: nothing typed, nothing confirmed — both named, under axe.
      const erase = await submitFormOf(page, '#confirm');
      assert.equal(erase.status(), 422, await landing(page, erase));
      for (const field of ['reference', 'confirm']) {
        assert.equal(await page.locator(`.error-summary a[href="#${field}"]`).count(), 1, `the summary links to ${field}`);
      }
      problems.push(...await checkPage(page, { name: `retention-erase-refused-${lang}`, lang, where: { page: '/retention (erase 422)', lang } }));
    } finally {
      await coordinator.context.close();
    }
    assertNoProblems(problems, 'retention pages');
  });
}
