// Break-the-glass in the browser: a group leader opens a course that is not theirs with a
// reason (a missing reason named at the field, what was typed kept), and the
// administrator reviews and signs it off. Every page under axe at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, LANGS, signedInAs, submitFormOf, checkPage, assertNoProblems, landing } from './lib.mjs';
import { planCourse } from './planning.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-emergency-access');
  browser = await launchBrowser();
  // A course the demo's group leader does not work on.
  const coordinator = await signedInAs(browser, server, 'coordinator', 'nb');
  await planCourse(coordinator.page, 'Mestringstreff uten lederen');
  await coordinator.context.close();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const lang of LANGS) {
  test(`a leader opens another course with a reason and the administrator signs it off (${lang})`, { timeout: 90_000 }, async () => {
    const problems = [];
    const leader = await signedInAs(browser, server, 'group_leader', lang);
    try {
      const page = leader.page;
      await page.goto('/');
      assert.equal(await page.locator('a[href="/emergency-access"]').count(), 1, 'the home offers it');
      await page.goto('/emergency-access');
      problems.push(...await checkPage(page, { name: `emergency-form-${lang}`, lang, where: { page: '/emergency-access', lang } }));
      const options = await page.locator('#course_id option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
      assert.ok(options.length > 0, 'a course the leader does not work on is offered');
      // No reason: named at the field, the course chosen stays chosen.
      await page.locator('#course_id').selectOption(options[0]);
      const refused = await submitFormOf(page, '#reason');
      assert.equal(refused.status(), 422, await landing(page, refused));
      assert.equal(await page.locator('.error-summary a[href="#reason"]').count(), 1, 'the summary links to the reason');
      assert.equal(await page.locator('#course_id').inputValue(), options[0], 'the course chosen is kept');
      problems.push(...await checkPage(page, { name: `emergency-refused-${lang}`, lang, where: { page: '/emergency-access (422)', lang } }));
      await page.locator('#reason').fill('Skolen meldte bekymring i dag; må se foresattes kontaktinformasjon.');
      await page.locator('#hours').selectOption('2');
      const opened = await submitFormOf(page, '#reason');
      assert.equal(opened.status(), 200, await landing(page, opened));
      assert.ok(page.url().includes(`/courses/${options[0]}`), `it opens the course: ${page.url()}`);
    } finally {
      await leader.context.close();
    }

    const admin = await signedInAs(browser, server, 'admin', lang);
    try {
      const page = admin.page;
      await page.goto('/admin/emergency-accesses');
      problems.push(...await checkPage(page, { name: `emergency-reviews-${lang}`, lang, where: { page: '/admin/emergency-accesses', lang } }));
      const review = page.locator('#open-heading ~ ul a').first();
      await review.click();
      await page.waitForLoadState('load');
      problems.push(...await checkPage(page, { name: `emergency-review-${lang}`, lang, where: { page: '/admin/emergency-accesses/{id}', lang } }));
      const empty = await submitFormOf(page, '#comment');
      assert.equal(empty.status(), 422, 'a sign-off says what was found');
      await page.locator('#comment').fill('Begrunnet; fulgt opp med skolen.');
      const signed = await submitFormOf(page, '#comment');
      assert.equal(signed.status(), 200, await landing(page, signed));
      assert.equal(await page.locator('.notice[role="status"]').count(), 1, 'the sign-off is confirmed');
    } finally {
      await admin.context.close();
    }
    assertNoProblems(problems, 'emergency access pages');
  });
}
