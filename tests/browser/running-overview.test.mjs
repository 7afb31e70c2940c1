// The attendance overview of the demo's running course at 360 px: the overview, the
// printable summary (one participant a page on paper, no navigation) and a participant's
// page, with the dropout form sent without a reason; in bokmål and English, axe-clean.
// A group leader records by keyboard alone that a family was contacted, and a user
// representative sees the counts without names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchBrowser, submitFormOf, pathOf, checkPage, assertNoProblems, landing, PHONE, signedInAs,
} from './lib.mjs';

// The demo's running course (see services/setup.rs).
const COURSE = 'Mindre alene sammen – barnegruppe, høst';
// The demo child with two absences in a row (see services/setup/demo_running.rs).
const AWAY_TWICE = 'Lukas Aas';

let server;
let browser;

before(async () => {
  server = await startServer('server-running-overview');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The demo's running course, found by name in the course list. */
async function runningCourse(page) {
  await page.goto('/courses');
  const href = await page.locator('main a[href^="/courses/"]', { hasText: COURSE }).first().getAttribute('href');
  assert.match(href ?? '', /^\/courses\/\d+$/, `the course list links to ${COURSE}`);
  return href;
}

/** Signed in as `role` in `lang`, on a context of its own. */
const signedIn = (role, lang) => signedInAs(browser, server, role, lang);

for (const lang of ['nb', 'en']) {
  test(`the overview, the printable summary and a participant's page are axe-clean at 360 px (${lang})`, { timeout: 180_000 }, async () => {
    const { context, page } = await signedIn('coordinator', lang);
    const problems = [];
    const check = async (name) => {
      problems.push(...await checkPage(page, { name: `overview-${lang}-${name}`, lang, where: { page: name, role: 'coordinator', lang } }));
    };
    try {
      assert.deepEqual(page.viewportSize(), PHONE);
      const course = await runningCourse(page);
      assert.equal((await page.goto(course)).status(), 200);
      const running = page.locator('section[aria-labelledby="running-heading"]');
      assert.ok(await running.count(), 'the course page has the running section');
      assert.ok(await running.locator(`a[href="${course}/attendance"]`).count(), 'it links to the attendance overview');

      let response = await page.goto(`${course}/attendance`);
      assert.equal(response.status(), 200);
      const rows = await page.locator('#per-session tbody tr').count();
      assert.ok(rows >= 3, `the held sessions are listed (${rows})`);
      assert.match(await page.locator('#per-participant').innerText(), new RegExp(AWAY_TWICE));
      await check('attendance');

      response = await page.goto(`${course}/attendance/print`);
      assert.equal(response.status(), 200);
      const blocks = await page.locator('.print-participant').count();
      assert.ok(blocks >= 2, `one block per participant (${blocks})`);
      await check('attendance-print');
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const sections = [...document.querySelectorAll('.print-participant')];
        const style = (el) => getComputedStyle(el);
        return {
          header: style(document.querySelector('.site-header')).display,
          footer: style(document.querySelector('.site-footer')).display,
          first: style(sections[0]).breakBefore,
          second: style(sections[1]).breakBefore,
        };
      });
      await page.emulateMedia({ media: 'screen' });
      assert.equal(printed.header, 'none', 'no site header on paper');
      assert.equal(printed.footer, 'none', 'no language switcher on paper');
      assert.equal(printed.second, 'page', 'each participant after the first starts a new page');
      assert.notEqual(printed.first, 'page', 'the first participant follows the heading');

      await page.goto(`${course}/attendance`);
      await page.locator('#per-participant a', { hasText: AWAY_TWICE }).click();
      await page.waitForURL(/\/participants\/\d+$/);
      const participant = pathOf(page);
      assert.ok(await page.locator('#follow-up-tasks li[data-state="open"]').count(), 'the follow-up task is open');
      await check('participant');

      // The dropout without a reason: named at the field, the date kept.
      const day = await page.inputValue('#date');
      assert.match(day, /^\d{4}-\d{2}-\d{2}$/, 'the date defaults to today');
      await page.fill('#reason', '');
      response = await submitFormOf(page, '#reason');
      assert.equal(response.status(), 422, `a dropout without a reason ended at ${await landing(page, response)}`);
      assert.equal(pathOf(page), `${participant}/dropout`);
      const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, ['#reason']);
      assert.equal(await page.getAttribute('#reason', 'aria-invalid'), 'true');
      assert.equal(await page.inputValue('#date'), day, 'the date is kept');
      await check('participant-dropout-error');
    } finally {
      await context.close();
    }
    assertNoProblems(problems, `overview pages (${lang})`);
  });
}

test('a group leader records by keyboard that the family was contacted', { timeout: 120_000 }, async () => {
  const { context, page } = await signedIn('group_leader', 'nb');
  try {
    const task = page.locator('#follow-ups a', { hasText: 'Lukas' });
    assert.match(await task.innerText(), /Kontakt familien til Lukas: 2 fravær på rad/);
    await Promise.all([page.waitForNavigation(), task.click()]);
    assert.match(pathOf(page), /^\/courses\/\d+\/participants\/\d+$/);
    const field = page.locator('#follow-up-tasks input[name="outcome"]');
    const fieldId = await field.getAttribute('id');
    // From the top of the page, Tab reaches the field.
    await page.evaluate(() => document.activeElement?.blur());
    let reached = false;
    for (let i = 0; i < 80 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((id) => document.activeElement?.id === id, fieldId);
    }
    assert.ok(reached, 'Tab reaches the outcome field');
    await page.keyboard.type('Snakket med far, kommer neste gang');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(page.url(), /\?saved=contacted#follow-up$/);
    assert.match(await page.locator('#follow-up-tasks').innerText(), /Snakket med far, kommer neste gang/);
    assert.equal(await page.locator('#follow-up-tasks li[data-state="open"]').count(), 0);
    // Checked as a fresh load (the fragment moves where Tab starts).
    await page.goto(pathOf(page));
    assertNoProblems(await checkPage(page, { name: 'overview-participant-contacted', lang: 'nb', where: { page: 'participant', role: 'group_leader', lang: 'nb' } }), 'after contact');
  } finally {
    await context.close();
  }
});

test('a user representative sees the counts without names', { timeout: 120_000 }, async () => {
  const { context, page } = await signedIn('user_representative', 'nb');
  try {
    const course = await runningCourse(page);
    const response = await page.goto(`${course}/attendance`);
    assert.equal(response.status(), 200);
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, new RegExp(AWAY_TWICE), 'no names');
    assert.equal(await page.locator('#per-participant').count(), 0);
    assert.ok(await page.locator('#per-session tbody tr').count() >= 3);
    assertNoProblems(await checkPage(page, { name: 'overview-representative', lang: 'nb', where: { page: 'attendance', role: 'user_representative', lang: 'nb' } }), 'counts only');
    const print = await page.goto(`${course}/attendance/print`);
    assert.equal(print.status(), 403);
  } finally {
    await context.close();
  }
});
