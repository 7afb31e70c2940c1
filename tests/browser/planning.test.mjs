// A coordinator on a phone (360 px) plans a Mestringstreff course through the pages:
// imports the programme (or finds it), gets a clear error for a start date that is not
// on the chosen weekday with everything typed kept, plans it correctly, sees six weekly
// sessions that skip Ascension Day, is refused "ready" with the deviations listed until
// a reason is written, staffs every session with a group leader and a user
// representative, ticks off a checklist item and enters a budget amount with a comma.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, newContext, signIn, submitFormOf, pathOf, checkPage, assertNoProblems, landing, PHONE } from './lib.mjs';
import { ownProgramme, fillCourse } from './planning.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-planning');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function axeClean(page, name) {
  assertNoProblems(await checkPage(page, { name, lang: 'nb', where: { page: name, role: 'coordinator', lang: 'nb' } }), name);
}

test('a coordinator plans, staffs and budgets a Mestringstreff course at 360 px', { timeout: 180_000 }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    assert.deepEqual(page.viewportSize(), PHONE);
    const signedIn = await signIn(page, server.accounts.coordinator);
    assert.equal(pathOf(page), '/', `signing in landed on ${await landing(page, signedIn)}`);

    // The programme: found in the library, or imported from its file.
    const programmePath = await ownProgramme(page, 'mestringstreff', 'Mestringstreff');
    await page.goto(programmePath);
    await page.locator('a[href^="/courses/new?programme="]').click();
    await page.waitForURL(/\/courses\/new\?programme=mestringstreff/);
    const chosen = await page.locator('#programme option:checked').innerText();
    assert.equal(chosen.trim(), 'Mestringstreff', 'the programme is preselected');

    // 22 April 2027 is a Thursday; Wednesday is wrong.
    const bad = await fillCourse(page, { name: 'Mestringstreff våren 2027', start: '2027-04-22', weekdays: ['wed'] });
    assert.equal(bad.status(), 422, `a wrong weekday answers 422, got ${await landing(page, bad)}`);
    const summaryLinks = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(summaryLinks.includes('#start_date'), `the error summary links to the start date: ${summaryLinks}`);
    assert.equal(await page.locator('#start_date').getAttribute('aria-invalid'), 'true');
    const message = await page.locator('#start_date-error').innerText();
    assert.match(message, /ukedag/i, `the start date's message names the weekday: "${message}"`);
    assert.equal(await page.inputValue('#name'), 'Mestringstreff våren 2027', 'the name is kept');
    assert.equal(await page.inputValue('#venue'), 'Frivilligsentralen', 'the venue is kept');
    assert.equal(await page.inputValue('#room'), 'Møterom 2', 'the room is kept');
    assert.equal(await page.inputValue('#start_date'), '2027-04-22', 'the start date is kept');
    assert.equal(await page.inputValue('#start_time'), '17:00', 'the time is kept');
    assert.ok(await page.isChecked('#weekdays-wed'), 'the chosen weekday is kept');
    assert.equal((await page.locator('#programme option:checked').innerText()).trim(), 'Mestringstreff', 'the programme is kept');
    await axeClean(page, 'course-new-with-errors');

    // Now on Thursdays.
    await page.uncheck('#weekdays-wed');
    await page.check('#weekdays-thu');
    const good = await submitFormOf(page, '#name');
    assert.match(pathOf(page), /^\/courses\/\d+$/, `planning ended at ${await landing(page, good)}`);
    const coursePath = pathOf(page);

    // Six weekly sessions; Ascension Day (6 May 2027) is skipped.
    const dates = await page.locator('li[data-kind="session"]').evaluateAll((lis) => lis.map((li) => li.dataset.date));
    assert.deepEqual(dates, ['2027-04-22', '2027-04-29', '2027-05-13', '2027-05-20', '2027-05-27', '2027-06-03']);
    const first = await page.locator('li[data-kind="session"]').first().innerText();
    assert.match(first, /Torsdag 22\.04\.2027/, `dates read the Norwegian way: ${first}`);
    assert.ok(await page.locator('.warning').count(), 'unstaffed sessions are flagged');

    // "Ready" while nobody staffs the sessions: refused with every deviation listed, until
    // a reason is written; the acceptance is shown with who gave it.
    await page.selectOption('#status', 'ready');
    const refused = await submitFormOf(page, '#status');
    assert.equal(refused.status(), 422, `ready without a reason answers 422, got ${await landing(page, refused)}`);
    const summary = await page.locator('.error-summary').innerText();
    assert.match(summary, /færre gruppeledere/, summary);
    assert.match(summary, /Skriv hvorfor/, summary);
    await axeClean(page, 'course-deviations-refused');
    await page.selectOption('#status', 'ready');
    await page.fill('#deviation_reason', 'Gruppelederne er ikke ansatt ennå; kurset rekrutterer mens vi bemanner.');
    const accepted = await submitFormOf(page, '#deviation_reason');
    assert.equal(pathOf(page), coursePath, `accepting ended at ${await landing(page, accepted)}`);
    assert.match(await page.locator('#accepted-deviations').innerText(), /Godtatt av Kari Koordinator/);
    await page.goto(coursePath);
    await axeClean(page, 'course-deviations-accepted');

    // A group leader and a user representative on every session.
    for (const [person, role] of [['Gunnar Gruppeleder', 'group_leader'], ['Bjørn Brukerrepresentant', 'user_representative']]) {
      // People are offered by name with their roles ("Gunnar Gruppeleder – Gruppeleder").
      const value = await page.locator('#user_id option', { hasText: person }).first().getAttribute('value');
      await page.selectOption('#user_id', value);
      await page.selectOption('#course_role', role);
      await page.check('#on_every_session');
      const added = await submitFormOf(page, '#external_name');
      assert.equal(pathOf(page), coursePath, `adding ${person} ended at ${await landing(page, added)}`);
    }
    for (const text of await page.locator('li[data-kind="session"]').allInnerTexts()) {
      assert.match(text, /Gunnar Gruppeleder/, `group leader on every session: ${text}`);
      assert.match(text, /Bjørn Brukerrepresentant/, `user representative on every session: ${text}`);
      assert.doesNotMatch(text, /Mangler/, `no session lacks staff: ${text}`);
    }
    assert.equal(await page.locator('.warning').count(), 0, 'no staffing warnings are left');

    // Tick off the first checklist item.
    const item = page.locator('li[id^="item-"]').first();
    const itemId = await item.getAttribute('id');
    await item.locator('input[name="done"]').check();
    const [ticked] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), item.locator('button[type="submit"]').click()]);
    assert.equal(pathOf(page), coursePath, `ticking ended at ${await landing(page, ticked)}`);
    assert.ok(await page.isChecked(`#${itemId} input[name="done"]`), 'the item stays ticked');
    assert.match(await page.locator(`#${itemId} .state-done`).innerText(), /Utført/);

    // A budget amount typed with a decimal comma.
    await page.locator(`a[href="${coursePath}/budget"]`).click();
    await page.waitForURL(new RegExp(`${coursePath}/budget$`));
    await page.fill('#label_0', 'Servering');
    await page.fill('#amount_0', '350,50');
    await page.selectOption('#per_0', 'session');
    const savedBudget = await submitFormOf(page, '#label_0');
    assert.equal(pathOf(page), coursePath, `saving the budget ended at ${await landing(page, savedBudget)}`);
    const budget = await page.locator('#budget ~ .table-wrap, section:has(#budget) table').first().innerText();
    assert.match(budget, /350,50/, `the amount is shown with a comma: ${budget}`);
    assert.equal((await page.locator('#budget-total').innerText()).replace(/\s/g, ' '), '2 103 NOK', '350,50 × 6 sessions');

    // The whole course page, freshly loaded (not scrolled to a fragment).
    await page.goto(coursePath);
    await axeClean(page, 'course-planned');
  } finally {
    await context.close();
  }
});
