// The demo's evaluation results at 360 px: the coordinator opens the finished course's
// evaluation (every round, charts beside their tables, the threshold notice where too few
// answered), one round's own page and the outcome change before and after; in bokmål and
// English, axe-clean, no horizontal scrolling. Every chart has a text alternative.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, newContext, signIn, pathOf, checkPage, assertNoProblems, landing, switchLanguage, PHONE } from './lib.mjs';

// The demo's finished course, which has the demo evaluations (services/setup/demo_evaluations.rs).
const COURSE = 'De utrolige årene, foreldregruppe';

let server;
let browser;

before(async () => {
  server = await startServer('server-questionnaire-results');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function finishedCourse(page) {
  await page.goto('/courses');
  const href = await page.locator('main a[href^="/courses/"]', { hasText: COURSE }).first().getAttribute('href');
  assert.match(href ?? '', /^\/courses\/\d+$/, `the course list links to ${COURSE}`);
  return href;
}

/** Every SVG chart on the page is an image with a title and a description. */
async function chartsHaveText(page) {
  const charts = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((svg) => ({
    role: svg.getAttribute('role'),
    title: svg.querySelector('title')?.textContent ?? '',
    desc: svg.querySelector('desc')?.textContent ?? '',
    width: svg.getBoundingClientRect().width,
  })));
  for (const chart of charts) {
    assert.equal(chart.role, 'img');
    assert.ok(chart.title.trim() && chart.desc.trim(), 'a chart has a title and a description');
    assert.ok(chart.width <= 360, `a chart fits the phone (${chart.width})`);
  }
  return charts.length;
}

for (const lang of ['nb', 'en']) {
  test(`the coordinator reads the demo's results and outcome change at 360 px (${lang})`, { timeout: 180_000 }, async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const problems = [];
    try {
      const response = await signIn(page, server.accounts.coordinator);
      assert.equal(pathOf(page), '/', `signing in landed on ${await landing(page, response)}`);
      if (lang === 'en') await switchLanguage(page, 'en');
      assert.deepEqual(page.viewportSize(), PHONE);
      const course = await finishedCourse(page);

      assert.equal((await page.goto(`${course}/evaluation`)).status(), 200);
      const rounds = await page.locator('section.results-round').count();
      assert.ok(rounds >= 5, `every demo round is listed (${rounds})`);
      assert.ok(await chartsHaveText(page) >= 3, 'charts for the rounds shown');
      assert.ok(await page.locator('.results-free-text li').count() >= 3, 'free text of rounds past the threshold');
      assert.ok(await page.locator('[id$="-withheld"]').count() >= 1, 'a round below the threshold shows its count only');
      assert.ok(await page.locator('a[href$="/evaluation/export?format=xlsx"]').count(), 'a download link');
      problems.push(...await checkPage(page, { name: `results-${lang}-course`, lang, where: { page: 'evaluation', lang } }));

      const roundHref = await page.locator('a[href^="/questionnaire-rounds/"][href$="/results"]').first().getAttribute('href');
      assert.equal((await page.goto(roundHref)).status(), 200);
      assert.ok(await page.locator('table.results-table').count() >= 1, 'the round has its tables');
      await chartsHaveText(page);
      problems.push(...await checkPage(page, { name: `results-${lang}-round`, lang, where: { page: 'round', lang } }));

      assert.equal((await page.goto(`${course}/outcome-change`)).status(), 200);
      const tables = await page.locator('table.outcome-table').count();
      assert.ok(tables >= 2, `before to end and before to follow-up (${tables})`);
      assert.ok(await chartsHaveText(page) >= 2, 'a change chart per comparison');
      const first = await page.locator('table.outcome-table tbody tr').first().innerText();
      assert.match(first, /p [<=]/, 'p-values shown');
      problems.push(...await checkPage(page, { name: `results-${lang}-outcome`, lang, where: { page: 'outcome', lang } }));
    } finally {
      await context.close();
    }
    assertNoProblems(problems, `results pages (${lang})`);
  });
}
