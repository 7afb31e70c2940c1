// Every page as every role in Norwegian bokmål, and in English as one role: no axe
// violations (WCAG 2.1 A and AA) at 360×740 and 1280×800, no horizontal scroll at 360 px,
// and the common page structure (one h1, a main landmark, a skip link first, a title, the
// language switcher). A page's layout is the same in both languages and its English text
// comes from the same template, so English is checked by the first role of ENGLISH_BY
// that gets the page (each role's home differs, so every role's home is checked in both).
// Admin pages answer every other role with the friendly 403 page, which is checked too;
// so do the planning-only pages for user representatives and analysts. The programme and
// questionnaire libraries are checked for every role; a planned course's evaluation pages
// and report for the coordinator. The pages of the demo's running course (Today, a held
// session and today's, their attendance, session logs, observations, meetings, concerns,
// the attendance overview and its print view, a participant's page, reminders and the
// settings for running courses) are checked for every role that may see them, and every
// other role is answered with the 403 page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ROLES } from './server.mjs';
import { launchBrowser, newContext, checkPage, signIn, switchLanguage, pathOf, LANGS, screenshot, assertNoProblems, landing } from './lib.mjs';
import { ownProgramme, planCourse } from './planning.mjs';

const TIMEOUT = 90_000;
let server;
let browser;
let userPath; // /admin/users/{id}, found from the admin's user list

const PUBLIC_PAGES = [
  { path: '/login', status: 200 },
  { path: '/this-page-does-not-exist', status: 404 },
];
const ACCOUNT_PAGES = ['/', '/account', '/account/second-factor'];
const ADMIN_PAGES = ['/admin/users', '/admin/users/new', () => userPath, '/admin/organisation', '/admin/audit'];

// Programme library and course planning. Paths with ids are found (or made) by the
// coordinator before the tests run.
let programmePath; // /programmes/{id} of Mestringstreff
let coursePath; // /courses/{id} of a course planned from it
let sessionPath; // /courses/{id}/sessions/{id}, its first session
let questionnairePath; // /questionnaires/{id}, the first in the library
const LIBRARY_PAGES = [
  ['/programmes', () => '/programmes'],
  ['/programmes/{id}', () => programmePath],
  ['/questionnaires', () => '/questionnaires'],
  ['/questionnaires/{id}', () => questionnairePath],
];
const PLANNING_ONLY_PAGES = [
  ['/programmes/import', () => '/programmes/import'],
  ['/programmes/{id}/edit', () => `${programmePath}/edit`],
  ['/courses/new', () => '/courses/new'],
  ['/courses/{id}/edit', () => `${coursePath}/edit`],
  ['/courses/{id}/budget', () => `${coursePath}/budget`],
  ['/courses/{id}/sessions/new', () => `${coursePath}/sessions/new`],
];
const COORDINATOR_PAGES = [
  ...PLANNING_ONLY_PAGES,
  ['/courses', () => '/courses'],
  ['/courses/{id}', () => coursePath],
  ['/courses/{id}/sessions/{id}', () => sessionPath],
  ['/courses/{id}/evaluations', () => `${coursePath}/evaluations`],
  ['/courses/{id}/evaluation', () => `${coursePath}/evaluation`],
  ['/courses/{id}/outcome-change', () => `${coursePath}/outcome-change`],
  ['/courses/{id}/report', () => `${coursePath}/report`],
  ['/questionnaires/import', () => '/questionnaires/import'],
  ['/school-holidays', () => '/school-holidays'],
  ['/outbox', () => '/outbox'],
  ['/staff', () => '/staff'],
];
// The demo's running children's group and the small running Mestringstreff (see
// services/setup/demo_running.rs); paths found before the tests run.
const RUNNING_COURSE = 'Mindre alene sammen – barnegruppe, høst';
const ADULTS_COURSE = 'Mestringstreff – kveldsgruppe';
const running = {};
const EVERYONE_BUT_ANALYST = ['admin', 'coordinator', 'group_leader', 'secretary', 'user_representative'];
const WORKING_GROUP = ['coordinator', 'group_leader'];
/**
 * [label, path, the roles that get the page]; every other role gets the 403 page. A
 * user representative sees counts without names; a secretary reads attendance but not
 * logs, observations or concerns.
 */
const RUNNING_PAGES = [
  ['/today', () => '/today', EVERYONE_BUT_ANALYST],
  ['/courses/{id} (running)', () => running.course, EVERYONE_BUT_ANALYST],
  ['/courses/{id}/sessions/{id} (held)', () => running.held, EVERYONE_BUT_ANALYST],
  ['/courses/{id}/sessions/{id}/attendance (held)', () => `${running.held}/attendance`, EVERYONE_BUT_ANALYST],
  ['/courses/{id}/sessions/{id} (today)', () => running.today, EVERYONE_BUT_ANALYST],
  ['/courses/{id}/sessions/{id}/attendance (today)', () => `${running.today}/attendance`, EVERYONE_BUT_ANALYST],
  ['/courses/{id}/sessions/{id}/log', () => `${running.held}/log`, [...WORKING_GROUP, 'user_representative']],
  ['/courses/{id}/sessions/{id}/log (planned parts)', () => `${running.adults}/log`, [...WORKING_GROUP, 'user_representative']],
  ['/courses/{id}/participants/{id}/observations', () => `${running.participant}/observations`, WORKING_GROUP],
  ['/courses/{id}/meetings', () => `${running.course}/meetings`, EVERYONE_BUT_ANALYST],
  ['/courses/{id}/meetings/{id}', () => running.meeting, null],
  ['/courses/{id}/concerns', () => `${running.course}/concerns`, WORKING_GROUP],
  ['/concerns', () => '/concerns', WORKING_GROUP],
  ['/courses/{id}/attendance', () => `${running.course}/attendance`, EVERYONE_BUT_ANALYST],
  ['/courses/{id}/attendance/print', () => `${running.course}/attendance/print`, [...WORKING_GROUP, 'secretary']],
  ['/courses/{id}/participants/{id}', () => running.participant, [...WORKING_GROUP, 'secretary']],
  ['/courses/{id}/reminders', () => `${running.course}/reminders`, EVERYONE_BUT_ANALYST],
  ['/running/settings', () => '/running/settings', ['admin', 'coordinator']],
];
/** Who opens a meeting's page (its record needs both session records and contacts). */
const MEETING_READERS = EVERYONE_BUT_ANALYST;
/** Roles that must be refused the planning-only pages. */
const REFUSED_PLANNING = ['user_representative', 'analyst'];
/**
 * The 403 page is one template: it gets the whole check (axe at both sizes, structure,
 * no sideways scroll) for this role on one page in each language; every other refusal is
 * checked for its status, language and heading.
 */
const FULLY_CHECKED_REFUSAL = 'user_representative';
/** The 403 page this role checks fully, once a language (it is one template). */
const FULLY_CHECKED_REFUSAL_PAGE = '/admin/users';
/** Which role checks a page in English: the first here that gets it. */
const ENGLISH_BY = ['coordinator', 'group_leader', 'admin', 'secretary', 'user_representative', 'analyst'];

/** Whether `role` checks a page that `allowed` roles get, in `lang`. */
function checkedIn(lang, role, allowed) {
  if (lang === 'nb') return true;
  return ENGLISH_BY.find((r) => allowed.includes(r)) === role;
}

/** Whether `role` visits a page it is refused, in `lang` (English: the one refusal role). */
function refusalCheckedIn(lang, role) {
  return lang === 'nb' || role === FULLY_CHECKED_REFUSAL;
}

/** A refused page: the full check for the one page and role that get it, else the short one. */
async function visitRefusedPage(page, { label, path, lang, role }) {
  if (role === FULLY_CHECKED_REFUSAL && label === FULLY_CHECKED_REFUSAL_PAGE) {
    await visitAndCheck(page, { path, status: 403, lang, role });
  } else {
    await visitRefused(page, { path, lang, role });
  }
}

before(async () => {
  server = await startServer('server-pages');
  browser = await launchBrowser();
  // The first user in the admin's user table gives the path of a user's page.
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    await signIn(page, server.accounts.admin);
    await page.goto('/admin/users');
    userPath = await page.locator('table a[href^="/admin/users/"]').first().getAttribute('href', { timeout: 5_000 });
  } catch (e) {
    userPath = '/admin/users/(no user link found in table a[href^="/admin/users/"])';
  } finally {
    await context.close();
  }
  // The coordinator finds (or imports) Mestringstreff and plans a course from it.
  const planner = await newContext(browser, server.baseUrl);
  const plannerPage = await planner.newPage();
  try {
    await signIn(plannerPage, server.accounts.coordinator);
    programmePath = await ownProgramme(plannerPage, 'mestringstreff', 'Mestringstreff');
    coursePath = await planCourse(plannerPage, 'Mestringstreff til sidetesten');
    sessionPath = await plannerPage.locator('li[data-kind="session"] h3 a').first().getAttribute('href');
    await plannerPage.goto('/questionnaires');
    questionnairePath = await plannerPage.locator('main a[href^="/questionnaires/"]:not([href$="/import"])').first()
      .getAttribute('href', { timeout: 5_000 });
  } catch (e) {
    const missing = `(planning failed: ${e.message.split('\n')[0]})`;
    programmePath ??= `/programmes/${missing}`;
    coursePath ??= `/courses/${missing}`;
    sessionPath ??= `/courses/${missing}`;
    questionnairePath ??= `/questionnaires/${missing}`;
  } finally {
    await planner.close();
  }
  // The running course's paths, as its coordinator and its group leader find them.
  const finder = await newContext(browser, server.baseUrl);
  const finderPage = await finder.newPage();
  try {
    await signIn(finderPage, server.accounts.coordinator);
    const courseLink = async (name) => {
      await finderPage.goto('/courses');
      return finderPage.locator('main a[href^="/courses/"]', { hasText: name }).first().getAttribute('href', { timeout: 5_000 });
    };
    const sessions = async () => finderPage.locator('li[data-kind="session"] h3 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    running.adults = `${await courseLink(ADULTS_COURSE)}/sessions/(none)`;
    await finderPage.goto(running.adults.replace(/\/sessions\/\(none\)$/, ''));
    running.adults = (await sessions())[0] ?? running.adults;
    running.course = await courseLink(RUNNING_COURSE);
    await finderPage.goto(running.course);
    running.held = (await sessions())[0];
    await finderPage.goto(`${running.course}/meetings`);
    running.meeting = await finderPage.locator('main a').evaluateAll(
      (as) => as.map((a) => a.getAttribute('href')).find((h) => /^\/courses\/\d+\/meetings\/\d+$/.test(h ?? '')));
    await finderPage.goto(`${running.course}/attendance`);
    running.participant = await finderPage.locator('#per-participant a').first().getAttribute('href', { timeout: 5_000 });
    const leader = await newContext(browser, server.baseUrl);
    const leaderPage = await leader.newPage();
    await signIn(leaderPage, server.accounts.group_leader);
    await leaderPage.goto('/today');
    const attendance = await leaderPage.locator('section.today-day').first().locator('a[id^="attendance-"]').first()
      .getAttribute('href', { timeout: 5_000 });
    running.today = attendance.replace(/\/attendance$/, '');
    await leader.close();
  } catch (e) {
    const missing = `(finding the running course failed: ${e.message.split('\n')[0]})`;
    for (const key of ['course', 'held', 'today', 'adults', 'meeting', 'participant']) running[key] ??= `/courses/${missing}`;
  } finally {
    await finder.close();
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A refused page: the 403 page in the right language (its full check is FULLY_CHECKED_REFUSAL's). */
async function visitRefused(page, { path, lang, role }) {
  const response = await page.goto(path);
  const problems = [];
  if (response?.status() !== 403) problems.push(`HTTP ${response?.status()}, expected 403`);
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    h1: document.querySelectorAll('h1').length,
  }));
  if (facts.lang !== lang) problems.push(`<html lang="${facts.lang}">, expected "${lang}"`);
  if (facts.h1 !== 1) problems.push(`${facts.h1} h1 elements on the 403 page, expected 1`);
  if (problems.length) problems.push(`    screenshot: ${await screenshot(page, `${lang}-${role}-${path}-refused`)}`);
  assertNoProblems(problems, `${path} as ${role} in ${lang}`);
}

async function visitAndCheck(page, { path, status, lang, role }) {
  const response = await page.goto(path);
  const where = { page: path, role, lang };
  const name = `${lang}-${role}-${path}`;
  const problems = [];
  if (!response) problems.push('no response');
  else if (response.status() !== status) problems.push(`HTTP ${response.status()}, expected ${status}`);
  if (status === 200 && pathOf(page) !== new URL(path, server.baseUrl).pathname) {
    problems.push(`ended up at ${pathOf(page)} instead of ${path}`);
  }
  if (response && !(response.headers()['content-type'] ?? '').startsWith('text/html')) {
    problems.push(`content-type ${response.headers()['content-type']}, expected a text/html page`);
  }
  problems.push(...await checkPage(page, { name, lang, where }));
  if (problems.length && !problems.some((p) => p.includes('screenshot:'))) {
    problems.push(`    screenshot: ${await screenshot(page, name)}`);
  }
  assertNoProblems(problems, `${path} as ${role} in ${lang}`);
}

test('default language is nb (no cookie; Accept-Language unset or nb)', async () => {
  for (const headers of [{}, { 'accept-language': 'nb' }, { 'accept-language': 'nb-NO,nb;q=0.9' }]) {
    const res = await fetch(`${server.baseUrl}/login`, { headers });
    const html = await res.text();
    assert.equal(res.status, 200, `GET /login with ${JSON.stringify(headers)}`);
    assert.match(html, /<html[^>]*\slang="nb"/, `GET /login with ${JSON.stringify(headers)} should be <html lang="nb">`);
  }
});

test('language switcher switches nb → en → nb and the choice sticks', { timeout: TIMEOUT }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    await page.goto('/login');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nb');
    await switchLanguage(page, 'en');
    await page.goto('/login');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'en kept on the next page load');
    await switchLanguage(page, 'nb');
    await page.goto('/this-page-does-not-exist');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nb', 'nb kept on the next page load');
  } finally {
    await context.close();
  }
});

for (const lang of LANGS) {
  describe(`not signed in, ${lang}`, () => {
    let context;
    let page;
    before(async () => {
      context = await newContext(browser, server.baseUrl);
      page = await context.newPage();
      await page.goto('/login');
      await switchLanguage(page, lang);
    });
    after(async () => context?.close());

    for (const { path, status } of PUBLIC_PAGES) {
      test(`${path} (${lang})`, { timeout: TIMEOUT }, async () => {
        await visitAndCheck(page, { path, status, lang, role: 'anonymous' });
      });
    }
  });

  for (const role of ROLES) {
    describe(`${role}, ${lang}`, () => {
      let context;
      let page;
      before(async () => {
        context = await newContext(browser, server.baseUrl);
        page = await context.newPage();
        const response = await signIn(page, server.accounts[role]);
        if (pathOf(page) !== '/') throw new Error(`signing in as ${role} landed on ${await landing(page, response)}, expected /`);
        await switchLanguage(page, lang);
      });
      after(async () => context?.close());

      for (const path of ACCOUNT_PAGES) {
        if (path !== '/' && !checkedIn(lang, role, ROLES)) continue;
        test(`${path} as ${role} (${lang})`, { timeout: TIMEOUT }, async () => {
          await visitAndCheck(page, { path, status: 200, lang, role });
        });
      }
      for (const [label, path] of LIBRARY_PAGES) {
        if (!checkedIn(lang, role, ROLES)) continue;
        test(`${label} as ${role} (${lang})`, { timeout: TIMEOUT }, async () => {
          await visitAndCheck(page, { path: path(), status: 200, lang, role });
        });
      }
      if (role === 'coordinator') {
        for (const [label, path] of COORDINATOR_PAGES) {
          test(`${label} as ${role} (${lang})`, { timeout: TIMEOUT }, async () => {
            await visitAndCheck(page, { path: path(), status: 200, lang, role });
          });
        }
      }
      if (REFUSED_PLANNING.includes(role) && refusalCheckedIn(lang, role)) {
        for (const [label, path] of PLANNING_ONLY_PAGES) {
          test(`${label} as ${role} (${lang}) → 403`, { timeout: TIMEOUT }, async () => {
            await visitRefusedPage(page, { label, path: path(), lang, role });
          });
        }
      }
      for (const [label, path, roles] of RUNNING_PAGES) {
        const allowedRoles = roles ?? MEETING_READERS;
        const allowed = allowedRoles.includes(role);
        if (allowed ? !checkedIn(lang, role, allowedRoles) : !refusalCheckedIn(lang, role)) continue;
        test(`${label} as ${role} (${lang}) → ${allowed ? 200 : 403}`, { timeout: TIMEOUT }, async () => {
          if (allowed) await visitAndCheck(page, { path: path(), status: 200, lang, role });
          else await visitRefusedPage(page, { label, path: path(), lang, role });
        });
      }
      for (const entry of ADMIN_PAGES) {
        const label = typeof entry === 'function' ? '/admin/users/{id}' : entry;
        const status = role === 'admin' ? 200 : 403;
        if (status === 200 ? !checkedIn(lang, role, ['admin']) : !refusalCheckedIn(lang, role)) continue;
        test(`${label} as ${role} (${lang}) → ${status}`, { timeout: TIMEOUT }, async () => {
          const path = typeof entry === 'function' ? entry() : entry;
          if (status === 200) await visitAndCheck(page, { path, status, lang, role });
          else await visitRefusedPage(page, { label, path, lang, role });
        });
      }
    });
  }
}
