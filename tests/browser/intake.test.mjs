// A coordinator on a phone (360 px) takes an application through intake: registers a
// phone call (first with a mistake), records a consent from paper, records a
// pre-conversation with the keyboard alone and a second one that puts the child on the
// waiting list, forms the group for the demo's SMIL course and sends the offers, and
// enrols the child from the application page. Every intake page is checked with axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, newContext, signIn, submitFormOf, pathOf, checkPage, assertNoProblems, landing, switchLanguage, PHONE } from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-intake');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function axeClean(page, name) {
  assertNoProblems(await checkPage(page, { name, lang: 'nb', where: { page: name, role: 'coordinator', lang: 'nb' } }), name);
}

/** Loads a page fresh (not scrolled to a fragment) and checks it. */
async function freshCheck(page, path, name) {
  const response = await page.goto(path);
  assert.equal(response.status(), 200, `${path} answers 200, got ${await landing(page, response)}`);
  await axeClean(page, name);
}

/** The id of the element that has focus, or its tag. */
function focusedId(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return el.id || `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''}`;
  });
}

/** Presses Tab until the element with `id` has focus (at most `max` presses). */
async function tabTo(page, id, max = 8) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focusedId(page);
    seen.push(now);
    if (now === id) return;
  }
  throw new Error(`Tab never reached #${id}; focus went ${seen.join(' → ')}`);
}

test('a coordinator takes an application from a phone call to enrolment at 360 px', { timeout: 240_000 }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    assert.deepEqual(page.viewportSize(), PHONE);
    const signedIn = await signIn(page, server.accounts.coordinator);
    assert.equal(pathOf(page), '/', `signing in landed on ${await landing(page, signedIn)}`);

    // The board, reached from the menu.
    await page.locator('nav a[href="/intake"]').click();
    await page.waitForURL(/\/intake$/);
    assert.match(await page.locator('h1').innerText(), /Inntak/);
    assert.ok(await page.locator('#column-waitlisted').count(), 'the board has a waiting-list column');
    await freshCheck(page, '/intake', 'intake-board');

    // A phone call, first sent with a mistake: the errors are named and the values kept.
    await page.locator('a[href="/intake/new"]').first().click();
    await page.waitForURL(/\/intake\/new$/);
    await freshCheck(page, '/intake/new', 'intake-new');
    const course = await page.locator('#course_id option', { hasText: 'SMIL' }).first().getAttribute('value');
    await page.selectOption('#course_id', course);
    await page.fill('#participant_name', 'Nora Berg');
    const bad = await submitFormOf(page, '#participant_name');
    assert.equal(bad.status(), 422, `a form without a guardian answers 422, got ${await landing(page, bad)}`);
    const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.includes('#guardian_name'), `the summary links to the guardian's name: ${links}`);
    assert.ok(links.includes('#participant_birth_date'), `and to the birth date: ${links}`);
    assert.equal(await page.locator('#guardian_name').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.inputValue('#participant_name'), 'Nora Berg', 'the name is kept');
    assert.equal(await page.inputValue('#course_id'), course, 'the course is kept');
    await axeClean(page, 'intake-new-with-errors');

    const born = `${new Date().getFullYear() - 10}-06-01`;
    await page.fill('#participant_birth_date', born);
    await page.fill('#guardian_name', 'Lars Berg');
    await page.fill('#guardian_phone', '977 66 555');
    await page.fill('#guardian_email', 'lars@example.no');
    await page.selectOption('#channel_id', { label: 'Skole' });
    await page.fill('#reason', 'Far er innlagt (nettlesertest)');
    await page.check('#consents-participation');
    await page.check('#consent_method-paper');
    const created = await submitFormOf(page, '#participant_name');
    assert.match(pathOf(page), /^\/intake\/applications\/\d+$/, `registering ended at ${await landing(page, created)}`);
    const applicationPath = pathOf(page);
    assert.match(await page.locator('.notice').innerText(), /registrert/);
    assert.match(await page.locator('#missing').innerText(), /Alle samtykker/, 'the guardian consented on paper');
    await freshCheck(page, applicationPath, 'intake-application');

    // A consent from paper: evaluation, from Lars.
    await page.selectOption('#giver_id', { label: 'Lars Berg (Foresatt)' });
    await page.selectOption('#purpose', 'evaluation');
    await page.selectOption('#capacity', 'guardian');
    await page.check('#method-paper');
    const recorded = await submitFormOf(page, '#giver_id');
    assert.equal(pathOf(page), applicationPath, `recording a consent ended at ${await landing(page, recorded)}`);
    assert.match(await page.locator('section:has(#consents-heading) table').innerText(), /Evaluering/);

    // The first pre-conversation with the keyboard alone: from the section's heading,
    // Tab through the form and send it with Enter.
    await page.goto(`${applicationPath}#talks-heading`);
    await tabTo(page, 'held_on');
    assert.match(await page.inputValue('#held_on'), /^\d{4}-\d{2}-\d{2}$/, 'today is filled in');
    await tabTo(page, 'participants');
    await page.keyboard.type('Lars, begge gruppeledere');
    await tabTo(page, 'notes');
    await page.keyboard.type('Nora er spent på gruppen.');
    await tabTo(page, 'outcome');
    assert.equal(await page.inputValue('#outcome'), 'continue');
    await page.keyboard.press('Tab');
    const button = await page.evaluate(() => document.activeElement?.textContent?.trim());
    assert.equal(button, 'Registrer samtalen', 'Tab reaches the form\'s button');
    const [talked] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.equal(pathOf(page), applicationPath, `the keyboard's conversation ended at ${await landing(page, talked)}`);
    assert.match(await page.locator('#talks').innerText(), /Lars, begge gruppeledere/);
    assert.match(await page.locator('#current-stage').innerText(), /Forsamtale/);

    // The second conversation puts Nora on the waiting list.
    await page.fill('#participants', 'Lars og Nora');
    await page.selectOption('#outcome', 'waitlist');
    const second = await submitFormOf(page, '#participants');
    assert.equal(pathOf(page), applicationPath, `the second conversation ended at ${await landing(page, second)}`);
    assert.match(await page.locator('#current-stage').innerText(), /Venteliste/);

    // The waiting list and the household.
    await freshCheck(page, '/intake/waitlist', 'intake-waitlist');
    assert.match(await page.locator('main').innerText(), /Nora Berg/);
    await page.goto(applicationPath);
    await page.locator('a[href^="/intake/households/"]').first().click();
    await page.waitForURL(/\/intake\/households\/\d+$/);
    assert.match(await page.locator('#members').innerText(), /Lars Berg/);
    await freshCheck(page, pathOf(page), 'intake-household');

    // The group for the SMIL course: Nora is in, and the offers go out.
    await page.goto(`/courses/${course}`);
    await page.locator(`a[href="/courses/${course}/group"]`).click();
    await page.waitForURL(new RegExp(`/courses/${course}/group$`));
    await freshCheck(page, `/courses/${course}/group`, 'intake-group');
    const applicationId = applicationPath.split('/').pop();
    const row = page.locator(`#candidate-${applicationId}`);
    assert.equal(await row.getAttribute('data-included'), 'true', 'Nora is in the proposal');
    assert.match(await row.innerText(), /MED/, 'in or out is said in words');
    const offers = await page.locator('input[name="expected"]').count();
    const sent = await submitFormOf(page, 'input[name="deadline"]');
    assert.match(page.url(), /\/intake\?course=\d+&offers=\d+$/, `confirming ended at ${await landing(page, sent)}`);
    assert.match(await page.locator('.notice').innerText(), new RegExp(`${offers} tilbud er sendt`));

    // Enrolment from the application page: the consents are there, so it goes through.
    await page.goto(applicationPath);
    assert.match(await page.locator('#current-stage').innerText(), /Tilbudt plass/);
    await page.check('#stage-enrolled');
    const enrolled = await submitFormOf(page, '#stage-enrolled');
    assert.equal(pathOf(page), applicationPath, `enrolling ended at ${await landing(page, enrolled)}`);
    assert.match(await page.locator('#current-stage').innerText(), /Påmeldt/);
    await freshCheck(page, applicationPath, 'intake-application-enrolled');

    // The settings: a new version of a consent text folds the old one away.
    await freshCheck(page, '/intake/settings', 'intake-settings');
    await page.selectOption('#purpose', 'evaluation');
    await page.fill('#body', 'Svarene brukes til å evaluere kurset (versjon 2, nettlesertest).');
    const saved = await submitFormOf(page, '#body');
    assert.match(page.url(), /\/intake\/settings\?saved=text/, `saving a text ended at ${await landing(page, saved)}`);
    assert.match(await page.locator('main').innerText(), /versjon 2, nettlesertest/);
    assert.ok(await page.locator('details').count(), 'the older version is folded away');
    await freshCheck(page, '/intake/settings', 'intake-settings-two-versions');
  } finally {
    await context.close();
  }
});

test('the intake pages in English and for the other staff roles', { timeout: 240_000 }, async () => {
  const problems = [];
  const visit = async (page, role, lang, path, expected = 200) => {
    const response = await page.goto(path);
    if (response.status() !== expected) {
      problems.push(`${role} ${lang} ${path}: HTTP ${response.status()}, expected ${expected}`);
      return;
    }
    if (expected === 200) {
      problems.push(...await checkPage(page, { name: `${role}-${lang}-${path}`, lang, where: { page: path, role, lang } }));
    }
  };
  for (const [role, lang] of [['coordinator', 'en'], ['secretary', 'nb'], ['group_leader', 'nb'], ['user_representative', 'nb']]) {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    try {
      await signIn(page, server.accounts[role]);
      if (lang === 'en') await switchLanguage(page, 'en');
      if (role === 'user_representative') {
        await visit(page, role, lang, '/intake', 403);
        continue;
      }
      await visit(page, role, lang, '/intake');
      const application = await page.locator('.board a[href^="/intake/applications/"]').first().getAttribute('href');
      for (const path of ['/intake/new', application, '/intake/waitlist']) await visit(page, role, lang, path);
      await page.goto(application);
      const household = await page.locator('a[href^="/intake/households/"]').first().getAttribute('href');
      await visit(page, role, lang, household);
      if (role === 'coordinator') {
        await page.goto('/courses');
        const course = await page.locator('main a[href^="/courses/"]', { hasText: 'SMIL' }).first().getAttribute('href');
        await visit(page, role, lang, `${course}/group`);
        await visit(page, role, lang, `${course}/group?age_min=10&age_max=11`);
        await visit(page, role, lang, '/intake/settings');
      } else {
        await visit(page, role, lang, '/intake/settings', 403);
      }
    } finally {
      await context.close();
    }
  }
  assertNoProblems(problems, 'intake pages');
});
