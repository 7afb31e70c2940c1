// A person's access to their data, in the browser: the coordinator's home leads to the
// requests; a search finds a demo child; registering without choosing anyone names the
// field and keeps the day typed; a registered request opens its report (everything kept
// about the child, who read it) and is marked answered. Every state under axe at 360 and
// 1280 px, in both languages; and the record of processing activities under axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, LANGS, signedInAs, submitFormOf, checkPage, assertNoProblems, landing } from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-access-requests');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const CHILD = { nb: 'Emil Strand', en: 'Maja Solberg' };

for (const lang of LANGS) {
  test(`the coordinator answers a request to see one's data (${lang})`, { timeout: 90_000 }, async () => {
    const problems = [];
    const coordinator = await signedInAs(browser, server, 'coordinator', lang);
    try {
      const page = coordinator.page;
      await page.goto('/');
      assert.equal(await page.locator('a[href="/access-requests"]').count(), 1, 'the home offers it');
      await page.goto('/access-requests');
      problems.push(...await checkPage(page, { name: `access-${lang}`, lang, where: { page: '/access-requests', lang } }));
      await page.locator('#q').fill(CHILD[lang].split(' ')[0].toLowerCase());
      await Promise.all([page.waitForURL(/q=/), page.locator('#q').press('Enter')]);
      const choice = page.locator('input[name="person_id"]');
      assert.ok(await choice.count() >= 1, 'the search finds the child');
      problems.push(...await checkPage(page, { name: `access-found-${lang}`, lang, where: { page: '/access-requests?q=', lang } }));
      // Nobody chosen: named, and the day typed is kept.
      await page.locator('#received_on').fill('2026-01-05');
      const refused = await submitFormOf(page, '#received_on');
      assert.equal(refused.status(), 422, await landing(page, refused));
      assert.equal(await page.locator('.error-summary a[href="#person_id"]').count(), 1, 'the summary links to the person');
      assert.equal(await page.locator('#received_on').inputValue(), '2026-01-05', 'what was typed is kept');
      problems.push(...await checkPage(page, { name: `access-refused-${lang}`, lang, where: { page: '/access-requests (422)', lang } }));
      await page.getByLabel(CHILD[lang], { exact: false }).first().check();
      await page.locator('#received_on').fill('');
      const registered = await submitFormOf(page, '#received_on');
      assert.equal(registered.status(), 200, await landing(page, registered));
      assert.match(page.url(), /\/access-requests\/\d+/);
      assert.equal(await page.locator('h1', { hasText: CHILD[lang] }).count(), 1, 'the report is about the child');
      assert.ok(await page.locator('#attendance tbody tr').count() >= 1, 'the child\'s attendance is in it');
      assert.ok(await page.locator('#reads tbody tr').count() >= 1, 'who read it is in it');
      problems.push(...await checkPage(page, { name: `access-report-${lang}`, lang, where: { page: '/access-requests/{id}', lang } }));
      const answered = await submitFormOf(page, '#answered_on');
      assert.equal(answered.status(), 200, await landing(page, answered));
      assert.equal(await page.locator('.notice[role="status"]').count(), 1, 'answering is confirmed');
      problems.push(...await checkPage(page, { name: `access-answered-${lang}`, lang, where: { page: '/access-requests (answered)', lang } }));
      // The record of processing activities, from the home page.
      await page.goto('/');
      assert.equal(await page.locator('a[href="/record-of-processing"]').count(), 1, 'the home offers the record');
      await page.goto('/record-of-processing');
      assert.equal(await page.locator('#activity-intake').count(), 1, 'a section per activity');
      problems.push(...await checkPage(page, { name: `processing-${lang}`, lang, where: { page: '/record-of-processing', lang } }));
    } finally {
      await coordinator.context.close();
    }
    assertNoProblems(problems, 'access request pages');
  });
}
