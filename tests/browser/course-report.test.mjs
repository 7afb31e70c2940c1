// The course report of the demo's running course at 360 px: a coordinator opens it from
// the course's address, it is axe-clean in bokmål and English with its tables (caption,
// header cells), names no child, and on paper (print media emulated) has no navigation
// and starts each part after the first on a new page. A secretary gets the 403 page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchBrowser, checkPage, assertNoProblems, landing, PHONE, signedInAs,
} from './lib.mjs';

// The demo's running course (see services/setup.rs).
const COURSE = 'Mindre alene sammen – barnegruppe, høst';
// A demo child in that course (see services/setup/demo_running.rs).
const CHILD = 'Lukas Aas';

let server;
let browser;

before(async () => {
  server = await startServer('server-course-report');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Signed in as `role` in `lang`, on a context of its own. */
const signedIn = (role, lang) => signedInAs(browser, server, role, lang);

/** The demo's running course, found by name in the course list. */
async function runningCourse(page) {
  await page.goto('/courses');
  const href = await page.locator('main a[href^="/courses/"]', { hasText: COURSE }).first().getAttribute('href');
  assert.match(href ?? '', /^\/courses\/\d+$/, `the course list links to ${COURSE}`);
  return href;
}

for (const lang of ['nb', 'en']) {
  test(`the course report is axe-clean at 360 px and prints without navigation (${lang})`, { timeout: 180_000 }, async () => {
    const { context, page } = await signedIn('coordinator', lang);
    const problems = [];
    try {
      assert.deepEqual(page.viewportSize(), PHONE);
      const course = await runningCourse(page);
      const response = await page.goto(`${course}/report`);
      assert.equal(response.status(), 200, `the report ended at ${await landing(page, response)}`);

      // Every table has a caption and header cells; the held sessions are listed.
      const tables = await page.locator('.course-report table').evaluateAll((all) => all.map((t) => ({
        id: t.id,
        caption: t.caption?.textContent.trim() ?? '',
        scoped: t.querySelectorAll('th[scope]').length,
      })));
      for (const id of ['crep-totals', 'crep-ages', 'crep-sessions']) {
        assert.ok(tables.some((t) => t.id === id), `the report has table ${id}`);
      }
      for (const t of tables) {
        assert.ok(t.caption, `table ${t.id} has a caption`);
        assert.ok(t.scoped > 0, `table ${t.id} has header cells with a scope`);
      }
      const held = await page.locator('#crep-sessions tbody tr[data-state="held"]').count();
      assert.ok(held >= 3, `the held sessions are counted (${held})`);
      assert.ok(await page.locator('#crep-print-hint').isVisible(), 'the print hint is shown on screen');
      const text = await page.locator('main').innerText();
      assert.ok(!text.includes(CHILD) && !text.includes(CHILD.split(' ')[0]), 'the report names no child');

      problems.push(...await checkPage(page, { name: `course-report-${lang}`, lang, where: { page: 'course-report', role: 'coordinator', lang } }));

      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const style = (el) => getComputedStyle(el);
        const sections = [...document.querySelectorAll('.crep-section')];
        return {
          header: style(document.querySelector('.site-header')).display,
          nav: style(document.querySelector('.site-header nav')).display,
          footer: style(document.querySelector('.site-footer')).display,
          // Inside the part left off paper: not rendered, whatever their own display.
          hint: document.querySelector('#crep-print-hint').checkVisibility(),
          contents: document.querySelector('.crep-contents').checkVisibility(),
          first: style(sections[0]).breakBefore,
          second: style(sections[1]).breakBefore,
          last: style(sections[sections.length - 1]).breakBefore,
          visibleNav: [...document.querySelectorAll('nav')].filter((n) => n.checkVisibility()).length,
        };
      });
      await page.emulateMedia({ media: 'screen' });
      assert.equal(printed.header, 'none', 'no site header on paper');
      assert.equal(printed.footer, 'none', 'no language switcher on paper');
      assert.equal(printed.hint, false, 'no print hint on paper');
      assert.equal(printed.contents, false, 'no contents links on paper');
      assert.equal(printed.visibleNav, 0, 'no navigation at all on paper');
      assert.notEqual(printed.first, 'page', 'the first part follows the heading');
      assert.equal(printed.second, 'page', 'each later part starts a new page');
      assert.equal(printed.last, 'page');
    } finally {
      await context.close();
    }
    assertNoProblems(problems, `course report (${lang})`);
  });
}

test('a secretary is refused the course report', { timeout: 60_000 }, async () => {
  const { context, page } = await signedIn('secretary', 'nb');
  try {
    const course = await runningCourse(page);
    const response = await page.goto(`${course}/report`);
    assert.equal(response.status(), 403);
  } finally {
    await context.close();
  }
});
