// Taking attendance on a phone (360×740) in the demo: the demo group leader opens Today,
// goes to today's session and fills in the whole group with the keyboard alone (Tab,
// arrow keys, Space, Enter), saves and sees the saved sheet; two group leaders of the
// course (the second invited and put on the course first) save the same sheet at the same
// moment and get one winner and one clear conflict that keeps what was typed; axe
// (WCAG 2.1 AA) on Today, the session page and the attendance page, also with errors and
// with the conflict shown, in bokmål and English; a parents' meeting lists the children's
// guardians to mark, not the children; a coordinator cannot take a leader who was marked
// present off the working group, and the refusal says why (axe-clean).
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

/**
 * A second group leader for the running course, as an organisation gets one: the
 * administrator invites the person, who chooses a password, and the coordinator puts
 * them on the course's working group (on every session).
 */
async function secondLeader(coursePath) {
  const leader = { name: 'Gro Gruppeleder', email: 'gro.gruppeleder@demo.samla.test', password: 'en lang og trygg setning' };
  const adminContext = await newContext(browser, server.baseUrl);
  const invitedContext = await newContext(browser, server.baseUrl);
  const coordinatorContext = await newContext(browser, server.baseUrl);
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, server.accounts.admin);
    await admin.goto('/admin/users/new');
    await admin.fill('input[name="name"]', leader.name);
    await admin.fill('input[name="email"]', leader.email);
    await admin.check('input[name="roles"][value="group_leader"]');
    const invited = await submitFormOf(admin, 'input[name="email"]');
    assert.equal(invited.status(), 200, `inviting ended at ${await landing(admin, invited)}`);
    const link = (await admin.locator('#invitation-link').innerText()).trim();

    const welcome = await invitedContext.newPage();
    assert.equal((await welcome.goto(link)).status(), 200);
    await welcome.fill('input[name="password"]', leader.password);
    await welcome.fill('input[name="repeat_password"]', leader.password);
    await submitFormOf(welcome, 'input[name="repeat_password"]');
    assert.equal(pathOf(welcome), '/login', 'the password is chosen');

    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, server.accounts.coordinator);
    await open(coordinator, coursePath);
    // People are offered by name with their roles.
    const value = await coordinator.locator('#user_id option', { hasText: leader.name }).first().getAttribute('value');
    await coordinator.selectOption('#user_id', value);
    await coordinator.selectOption('#course_role', 'group_leader');
    await coordinator.check('#on_every_session');
    const added = await submitFormOf(coordinator, '#course_role');
    assert.ok(added.status() < 400, `adding ${leader.name} to the course ended at ${await landing(coordinator, added)}`);
    assert.match(await coordinator.locator('main').innerText(), new RegExp(leader.name));
  } finally {
    await adminContext.close();
    await invitedContext.close();
    await coordinatorContext.close();
  }
  return leader;
}

/** The first of `choices` that differs from what the row has now. */
function otherThan(row, choices) {
  return choices.find((mark) => mark !== (row.checked ?? 'present'));
}

test('two group leaders saving the same sheet at the same moment get one winner and one clear conflict', { timeout: 180_000 }, async () => {
  const coursePath = sessionPath.replace(/\/sessions\/\d+$/, '');
  const gro = await secondLeader(coursePath);
  const contexts = [await newContext(browser, server.baseUrl), await newContext(browser, server.baseUrl)];
  const [gunnarPage, groPage] = await Promise.all(contexts.map((c) => c.newPage()));
  try {
    await signIn(gunnarPage, server.accounts.group_leader);
    const signedIn = await signIn(groPage, gro);
    assert.equal(pathOf(groPage), '/', `${gro.name} signing in landed on ${await landing(groPage, signedIn)}`);
    await open(gunnarPage, `${sessionPath}/attendance`);
    await open(groPage, `${sessionPath}/attendance`);
    const versionBefore = Number(await gunnarPage.locator('input[name="version"]').inputValue());
    assert.equal(Number(await groPage.locator('input[name="version"]').inputValue()), versionBefore, 'both opened the same sheet');

    // Each changes a different child, with a note.
    const people = await rows(gunnarPage);
    const [a, b] = [people[0], people[1]];
    const typed = {
      gunnar: { name: 'Gunnar Gruppeleder', page: gunnarPage, row: a, mark: otherThan(a, ['left_early', 'late']), note: 'Hentet 17.15' },
      gro: { name: gro.name, page: groPage, row: b, mark: otherThan(b, ['late', 'left_early']), note: 'Kom 16.45' },
    };
    for (const t of Object.values(typed)) {
      await t.page.check(`[id="attendance.${t.row.id}-${t.mark}"]`);
      await t.page.fill(`[id="note.${t.row.id}"]`, t.note);
    }

    // Both press save at once.
    const [gunnarResponse, groResponse] = await Promise.all([
      submitFormOf(gunnarPage, '#save-attendance'),
      submitFormOf(groPage, '#save-attendance'),
    ]);
    const statuses = { gunnar: gunnarResponse.status(), gro: groResponse.status() };
    assert.deepEqual(Object.values(statuses).sort(), [200, 409], `one saves, one gets a conflict: ${JSON.stringify(statuses)}`);
    const [winnerKey, loserKey] = statuses.gunnar === 200 ? ['gunnar', 'gro'] : ['gro', 'gunnar'];
    const winner = typed[winnerKey];
    const loser = typed[loserKey];

    // The winner sees the saved sheet.
    assert.match(winner.page.url(), /\?saved=attendance/);
    assert.match(await winner.page.locator('#saved-by').innerText(), new RegExp(winner.name));
    assert.ok(await winner.page.locator(`[id="attendance.${winner.row.id}-${winner.mark}"]`).isChecked());

    // The other gets the conflict: who saved, their own marks and note kept, what was saved beside them.
    const message = await loser.page.locator('#conflict').innerText();
    assert.match(message, /Noen andre lagret oppmøtet samtidig/);
    assert.match(message, new RegExp(winner.name), 'the conflict names who saved');
    assert.ok(await loser.page.locator(`[id="attendance.${loser.row.id}-${loser.mark}"]`).isChecked(), 'their mark is kept');
    assert.equal(await loser.page.locator(`[id="note.${loser.row.id}"]`).inputValue(), loser.note, 'their note is kept');
    assert.match(await loser.page.locator(`[id="attendance.${winner.row.id}-saved"]`).innerText(), new RegExp(`${winner.name}: `));
    assert.equal(Number(await loser.page.locator('input[name="version"]').inputValue()), versionBefore + 1);
    await axeClean(loser.page, 'attendance-concurrent-conflict', 'nb');

    // What is stored is the winner's sheet.
    const check = await contexts[0].newPage();
    await open(check, `${sessionPath}/attendance`);
    const stored = await rows(check);
    assert.equal(stored.find((r) => r.id === winner.row.id).checked, winner.mark, 'the winner\'s mark is stored');
    assert.equal(stored.find((r) => r.id === loser.row.id).checked, loser.row.checked, 'the other\'s mark is not');
    assert.equal(await check.locator(`[id="note.${winner.row.id}"]`).inputValue(), winner.note);
    assert.equal(await check.locator(`[id="note.${loser.row.id}"]`).inputValue(), '');
    assert.equal(Number(await check.locator('input[name="version"]').inputValue()), versionBefore + 1);

    // Knowing what was saved, they take the winner's mark over and save again: both changes stored.
    await loser.page.check(`[id="attendance.${winner.row.id}-${winner.mark}"]`);
    await loser.page.fill(`[id="note.${winner.row.id}"]`, winner.note);
    const again = await submitFormOf(loser.page, '#save-attendance');
    assert.equal(again.status(), 200, `saving again works, got ${await landing(loser.page, again)}`);
    assert.ok(await loser.page.locator(`[id="attendance.${loser.row.id}-${loser.mark}"]`).isChecked());
    assert.ok(await loser.page.locator(`[id="attendance.${winner.row.id}-${winner.mark}"]`).isChecked(), 'the winner\'s change is kept');
    assert.equal(Number(await loser.page.locator('input[name="version"]').inputValue()), versionBefore + 2);
  } finally {
    for (const c of contexts) await c.close();
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

test("a parents' meeting lists the guardians to mark, not the children, at 360 px, and passes axe", { timeout: 180_000 }, async () => {
  const context = await newContext(browser, server.baseUrl);
  const page = await context.newPage();
  try {
    await signIn(page, server.accounts.group_leader);
    await open(page, '/today');
    const today = await todaysSession(page);
    const coursePath = today.replace(/\/sessions\/\d+$/, '');
    await open(page, coursePath);
    // A meeting for the parents that has been held: SMIL's first pre-conversation.
    const meeting = await page.evaluate((todayId) => {
      const day = document.getElementById(`session-${todayId}`).dataset.date;
      const held = [...document.querySelectorAll('li[data-kind="meeting"]')]
        .find((li) => li.dataset.date < day && /^(Foreldre|Parents)\b/.test(li.querySelector('.meta').textContent.trim()));
      return held?.id.replace('session-', '');
    }, today.split('/').pop());
    assert.ok(meeting, 'a held meeting for the parents');
    for (const lang of ['nb', 'en']) {
      await open(page, `${coursePath}/sessions/${meeting}/attendance`);
      if (await page.evaluate(() => document.documentElement.lang) !== lang) await switchLanguage(page, lang);
      const legends = await page.locator('fieldset.attendance-person legend').allInnerTexts();
      assert.ok(legends.includes('Hanne Strand'), `Emil's guardian is on the sheet: ${legends}`);
      assert.ok(!legends.includes('Emil Strand'), `the children are not: ${legends}`);
      assert.equal(await page.locator('#family_members').count(), 0, 'no siblings at a parents\' meeting');
      await axeClean(page, 'attendance-parents', lang);
    }
    const [first] = await page.locator('fieldset.attendance-person').evaluateAll((sets) => sets.map((s) => s.id));
    await page.check(`[id="${first}-absent_with_notice"]`);
    const saved = await submitFormOf(page, '#save-attendance');
    assert.equal(saved.status(), 200, `saving ended at ${await landing(page, saved)}`);
    assert.ok(await page.locator(`[id="${first}-absent_with_notice"]`).isChecked(), 'saved as chosen');
  } catch (error) {
    error.message += `\n    screenshot: ${await screenshot(page, 'attendance-parents')}`;
    throw error;
  } finally {
    await context.close();
  }
});

test('a leader marked present stays in the working group: the refusal names why and passes axe', { timeout: 120_000 }, async () => {
  const coursePath = sessionPath.replace(/\/sessions\/\d+$/, '');
  const context = await newContext(browser, server.baseUrl);
  try {
    const page = await context.newPage();
    await signIn(page, server.accounts.coordinator);
    await open(page, coursePath);
    const member = page.locator('#working-group + ul li', { hasText: 'Gunnar Gruppeleder' }).first();
    const [refused] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), member.locator('button').click()]);
    assert.equal(refused.status(), 409, `removing a leader who was present ended at ${await landing(page, refused)}`);
    // The coordinator's language is whatever an earlier test left on the account.
    const lang = await page.getAttribute('html', 'lang');
    assert.match(await page.locator('#reasons').innerText(), lang === 'en' ? /stays in the working group/ : /blir stående i arbeidsgruppen/);
    await axeClean(page, 'staff-removal-refused', lang, 'coordinator');
    await open(page, coursePath);
    assert.match(await page.locator('main').innerText(), /Gunnar Gruppeleder/, 'still in the working group');
  } finally {
    await context.close();
  }
});
