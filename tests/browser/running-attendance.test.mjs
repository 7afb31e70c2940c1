// Taking attendance on a phone (360×740) in the demo: the demo group leader opens Today,
// goes to today's session and fills in the whole group with the keyboard alone (Tab,
// arrow keys, Space, Enter), saves and sees the saved sheet; two people saving the same
// sheet at once get one winner and one clear conflict that keeps what was typed; axe
// (WCAG 2.1 AA) on Today, the session page and the attendance page, also with errors and
// with the conflict shown, in bokmål and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchBrowser, newContext, signIn, submitFormOf, pathOf, checkPage, assertNoProblems, landing, switchLanguage,
  screenshot, PHONE,
} from './lib.mjs';

let server;
let browser;
/** Today's session of the demo's running children's group: /courses/{id}/sessions/{id}. */
let sessionPath;

before(async () => {
  server = await startServer('server-running-attendance');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const MARKS = ['present', 'absent_with_notice', 'absent_without_notice', 'late', 'left_early'];

/** What has focus: its id, or its tag with the link target. */
function focusedId(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return el.id || `${el.tagName.toLowerCase()}${el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : ''}`;
  });
}

/** Presses Tab until `wanted(focused)` holds (at most `max` presses); returns what has focus. */
async function tabUntil(page, wanted, what, max = 80) {
  const seen = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focusedId(page);
    seen.push(now);
    if (now && wanted(now)) return now;
  }
  throw new Error(`Tab never reached ${what}; focus went ${seen.slice(-15).join(' → ')}`);
}

/** Whether the focused element shows a visible focus indicator. */
function focusVisible(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
}

/** The sheet's rows in page order: participant id, name, and the mark now chosen. */
function rows(page) {
  return page.evaluate(() => [...document.querySelectorAll('fieldset.attendance-person')].map((fieldset) => ({
    id: fieldset.id.replace('attendance.', ''),
    name: fieldset.querySelector('legend').textContent.trim(),
    checked: fieldset.querySelector('input[type=radio]:checked')?.value ?? null,
  })));
}

async function axeClean(page, name, lang, role = 'group_leader') {
  assertNoProblems(await checkPage(page, { name, lang, where: { page: name, role, lang } }), `${name} (${lang})`);
}

async function open(page, path) {
  const response = await page.goto(path);
  assert.equal(response.status(), 200, `${path} answers 200, got ${await landing(page, response)}`);
  return response;
}

/** Today's session of the running course, found on the leader's Today page. */
async function todaysSession(page) {
  const link = page.locator('section.today-day').first()
    .locator('article.today-session', { has: page.locator('h3', { hasText: /Samling \d|Session \d/ }) }).first()
    .locator('a[id^="attendance-"]');
  const href = await link.getAttribute('href');
  assert.match(href, /^\/courses\/\d+\/sessions\/\d+\/attendance$/);
  return href.replace(/\/attendance$/, '');
}

test('a group leader takes attendance for the whole group by keyboard alone at 360 px', { timeout: 180_000 }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    assert.deepEqual(page.viewportSize(), PHONE);
    const signedIn = await signIn(page, server.accounts.group_leader);
    assert.equal(pathOf(page), '/', `signing in landed on ${await landing(page, signedIn)}`);

    // Today, from the menu, by keyboard.
    await tabUntil(page, (id) => id === 'a[href=/today]', 'the Today link in the menu');
    await Promise.all([page.waitForURL(/\/today$/), page.keyboard.press('Enter')]);
    assert.match(await page.locator('h1').innerText(), /I dag/);
    assert.match(await page.locator('section.today-day h2').first().innerText(), /^I dag/, 'the course meets today');
    sessionPath = await todaysSession(page);
    const linkId = await page.locator(`a[href="${sessionPath}/attendance"]`).first().getAttribute('id');
    await tabUntil(page, (id) => id === linkId, `the attendance link #${linkId}`);
    assert.ok(await focusVisible(page), 'the focused link shows it');
    await Promise.all([page.waitForURL(/\/attendance$/), page.keyboard.press('Enter')]);

    // The whole group on one screen: seven children, the one who said they will be away
    // already marked so.
    const before = await rows(page);
    assert.equal(before.length, 7, `seven children on the sheet: ${JSON.stringify(before)}`);
    const noah = before.find((r) => r.name === 'Noah Berntsen');
    assert.equal(noah.checked, 'absent_with_notice', 'the absence notice is preselected');
    const wanted = {
      'Ella Vik': 'late', 'Lukas Aas': 'absent_without_notice', 'Maja Solberg': 'left_early',
      'Selma Dahl': 'late', 'Noah Berntsen': 'absent_with_notice',
    };
    const notes = { 'Lukas Aas': 'Ringte ikke' };

    // Into the first row's choices, then row by row: arrow keys choose, Tab moves on.
    const first = before[0];
    await tabUntil(page, (id) => id.startsWith(`attendance.${first.id}-`), 'the first row of the sheet');
    for (const row of before) {
      const focused = await focusedId(page);
      assert.ok(focused.startsWith(`attendance.${row.id}-`), `focus is in ${row.name}'s choices, not ${focused}`);
      assert.ok(await focusVisible(page), `focus is visible in ${row.name}'s choices`);
      const from = MARKS.indexOf(row.checked ?? 'present');
      const to = MARKS.indexOf(wanted[row.name] ?? 'present');
      for (let i = 0; i < (to - from + MARKS.length) % MARKS.length; i += 1) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      assert.equal(await focusedId(page), `note.${row.id}`, `Tab goes on to ${row.name}'s note`);
      if (notes[row.name]) await page.keyboard.type(notes[row.name]);
      await page.keyboard.press('Tab');
    }
    // The staff planned for the session are ticked; one of them did not come.
    const staffBoxes = await page.locator('input[name="staff_present"]').evaluateAll((els) => els.map((e) => e.id));
    assert.ok(staffBoxes.length >= 2, 'the working group is listed');
    assert.ok(await page.locator(`[id="${staffBoxes.at(-1)}"]`).isChecked(), 'the planned staff are ticked');
    if (await focusedId(page) !== staffBoxes[0]) {
      // A parent or family session asks for the adults who came first.
      await tabUntil(page, (id) => id === staffBoxes[0], 'the staff after the adults', 3);
    }
    for (const id of staffBoxes.slice(0, -1)) {
      assert.equal(await focusedId(page), id);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    assert.equal(await page.locator(`[id="${staffBoxes.at(-1)}"]`).isChecked(), false, 'Space unticks');
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), 'save-attendance');
    await Promise.all([page.waitForURL(/\?saved=attendance/), page.keyboard.press('Enter')]);

    // Saved: the notice, and the sheet as it was filled in.
    assert.match(await page.locator('#saved').innerText(), /Oppmøtet er lagret/);
    assert.match(await page.locator('#saved-by').innerText(), /Gunnar Gruppeleder/);
    const after = await rows(page);
    for (const row of after) {
      assert.equal(row.checked, wanted[row.name] ?? 'present', `${row.name} saved as chosen`);
    }
    const lukas = after.find((r) => r.name === 'Lukas Aas');
    assert.equal(await page.locator(`[id="note.${lukas.id}"]`).inputValue(), 'Ringte ikke');
    assert.equal(await page.locator(`[id="${staffBoxes.at(-1)}"]`).isChecked(), false);
    assert.equal(await page.locator('input[name="version"]').inputValue(), '1');
  } catch (error) {
    error.message += `\n    screenshot: ${await screenshot(page, 'attendance-keyboard')}`;
    throw error;
  } finally {
    await context.close();
  }
});

/**
 * Two people open the same sheet; the first saves one thing, the second another. Returns
 * the second page (showing the conflict) and what its person chose.
 */
async function conflict(leaderPage, coordinatorPage) {
  await open(leaderPage, `${sessionPath}/attendance`);
  await open(coordinatorPage, `${sessionPath}/attendance`);
  const people = await rows(leaderPage);
  const [a, b] = [people[0], people[1]];
  await coordinatorPage.check(`[id="attendance.${a.id}-present"]`);
  await coordinatorPage.check(`[id="attendance.${b.id}-absent_without_notice"]`);
  const won = await submitFormOf(coordinatorPage, '#save-attendance');
  assert.equal(won.status(), 200, `the first save lands on the saved sheet, got ${await landing(coordinatorPage, won)}`);
  assert.match(coordinatorPage.url(), /\?saved=attendance/);

  await leaderPage.check(`[id="attendance.${a.id}-left_early"]`);
  await leaderPage.fill(`[id="note.${a.id}"]`, 'Hentet 17.15');
  const lost = await submitFormOf(leaderPage, '#save-attendance');
  assert.equal(lost.status(), 409, `the second save is a conflict, got ${await landing(leaderPage, lost)}`);
  return { a, b };
}

test('two people saving the same sheet get one winner and one clear conflict', { timeout: 120_000 }, async () => {
  const leaderContext = await newContext(browser, server.baseUrl);
  const coordinatorContext = await newContext(browser, server.baseUrl);
  const leaderPage = await leaderContext.newPage();
  const coordinatorPage = await coordinatorContext.newPage();
  try {
    await signIn(leaderPage, server.accounts.group_leader);
    await signIn(coordinatorPage, server.accounts.coordinator);
    await open(coordinatorPage, `${sessionPath}/attendance`);
    const versionBefore = Number(await coordinatorPage.locator('input[name="version"]').inputValue());
    const { a, b } = await conflict(leaderPage, coordinatorPage);

    const message = await leaderPage.locator('#conflict').innerText();
    assert.match(message, /Noen andre lagret oppmøtet samtidig/);
    assert.match(message, /Kari Koordinator/, 'names who saved');
    // What the leader typed is kept, and what was saved is shown beside it.
    assert.ok(await leaderPage.locator(`[id="attendance.${a.id}-left_early"]`).isChecked());
    assert.equal(await leaderPage.locator(`[id="note.${a.id}"]`).inputValue(), 'Hentet 17.15');
    assert.match(await leaderPage.locator(`[id="attendance.${a.id}-saved"]`).innerText(), /Kari Koordinator: Til stede/);
    assert.match(await leaderPage.locator(`[id="attendance.${b.id}-saved"]`).innerText(), /Borte uten å melde fra/);
    assert.equal(Number(await leaderPage.locator('input[name="version"]').inputValue()), versionBefore + 1);
    await axeClean(leaderPage, 'attendance-conflict', 'nb');

    // Saving again, knowing what was saved, replaces it with what the leader chose.
    await leaderPage.check(`[id="attendance.${b.id}-absent_without_notice"]`);
    const again = await submitFormOf(leaderPage, '#save-attendance');
    assert.equal(again.status(), 200, `saving again works, got ${await landing(leaderPage, again)}`);
    assert.match(leaderPage.url(), /\?saved=attendance/);
    assert.ok(await leaderPage.locator(`[id="attendance.${a.id}-left_early"]`).isChecked());
    assert.ok(await leaderPage.locator(`[id="attendance.${b.id}-absent_without_notice"]`).isChecked());
    assert.equal(Number(await leaderPage.locator('input[name="version"]').inputValue()), versionBefore + 2);
  } finally {
    await leaderContext.close();
    await coordinatorContext.close();
  }
});

for (const lang of ['nb', 'en']) {
  test(`Today, the session page and the attendance page pass axe in ${lang}, with errors and a conflict`, { timeout: 180_000 }, async () => {
    const leaderContext = await newContext(browser, server.baseUrl);
    const coordinatorContext = await newContext(browser, server.baseUrl);
    const page = await leaderContext.newPage();
    const other = await coordinatorContext.newPage();
    try {
      await signIn(page, server.accounts.group_leader);
      await signIn(other, server.accounts.coordinator);
      if (lang !== 'nb') {
        await switchLanguage(page, lang);
        await switchLanguage(other, lang);
      }
      await open(page, '/today');
      await axeClean(page, 'today', lang);
      await open(page, sessionPath);
      assert.ok(await page.locator('#plan').count(), 'the session page shows the plan');
      await axeClean(page, 'course-session', lang);
      await open(page, `${sessionPath}/attendance`);
      await axeClean(page, 'attendance', lang);

      // An absence notice without a participant: the error named, the note kept.
      await page.selectOption('#participant_id', '');
      await page.fill('#note', 'Syk');
      const missing = await submitFormOf(page, '#participant_id');
      assert.equal(missing.status(), 422, `got ${await landing(page, missing)}`);
      assert.equal(await page.locator('.error-summary a[href="#participant_id"]').count(), 1);
      assert.equal(await page.locator('#note').inputValue(), 'Syk');
      await axeClean(page, 'attendance-notice-error', lang);

      // A note too long for the sheet (a browser that ignores maxlength): every row's
      // problem named, the rest kept.
      await open(page, `${sessionPath}/attendance`);
      const [first] = await rows(page);
      await page.evaluate((id) => document.getElementById(`note.${id}`).removeAttribute('maxlength'), first.id);
      await page.fill(`[id="note.${first.id}"]`, 'x'.repeat(501));
      const tooLong = await submitFormOf(page, '#save-attendance');
      assert.equal(tooLong.status(), 422, `got ${await landing(page, tooLong)}`);
      assert.match(await page.locator('.error-summary').innerText(), new RegExp(first.name));
      assert.equal((await page.locator(`[id="note.${first.id}"]`).inputValue()).length, 501);
      await axeClean(page, 'attendance-sheet-error', lang);

      await conflict(page, other);
      assert.equal(await page.locator('#conflict').count(), 1);
      await axeClean(page, 'attendance-conflict', lang);
    } finally {
      await leaderContext.close();
      await coordinatorContext.close();
    }
  });
}
