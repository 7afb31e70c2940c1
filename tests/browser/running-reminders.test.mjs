// A coordinator on a phone (360 × 740), in bokmål and in English: the settings for
// running courses by keyboard, with a clear error and everything typed kept; a course's
// reminders page; and the cancel form of a session with its two choices (tell the
// families, add a replacement at the end) ticked by default. Every page axe-clean,
// without horizontal scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchBrowser, newContext, signIn, submitFormOf, pathOf, checkPage, assertNoProblems, landing, switchLanguage,
  LANGS, PHONE,
} from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-running-reminders');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function axeClean(page, name, lang) {
  assertNoProblems(await checkPage(page, { name: `${name}-${lang}`, lang, where: { page: name, role: 'coordinator', lang } }), name);
}

/** The path of the demo's running course (the first course when none is running). */
async function runningCourse(page) {
  await page.goto('/courses');
  const courses = await page.locator('.item-list > li').evaluateAll((items) => items.map((li) => ({
    href: li.querySelector('a')?.getAttribute('href') || '',
    status: li.querySelector('.state')?.textContent || '',
  })));
  assert.ok(courses.length, 'the demo has courses');
  return (courses.find((c) => /Pågår|Running/.test(c.status)) ?? courses[0]).href;
}

const TEXT = {
  nb: { error: /Skriv et tall fra 0 til 10/, reminders: /Påminnelser/, notify: /Gi beskjed/, replacement: /erstatning/ },
  en: { error: /Enter a number from 0 to 10/, reminders: /Reminders/, notify: /Tell the participants/, replacement: /replacement/ },
};

for (const lang of LANGS) {
  test(`running settings, course reminders and the cancel form at 360 px (${lang})`, { timeout: 180_000 }, async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    try {
      assert.deepEqual(page.viewportSize(), PHONE);
      const signedIn = await signIn(page, server.accounts.coordinator);
      assert.equal(pathOf(page), '/', `signing in landed on ${await landing(page, signedIn)}`);
      await switchLanguage(page, lang);

      // The settings, by keyboard: a value out of range is named, and what was typed stays.
      await page.goto('/running/settings');
      await axeClean(page, 'running-settings', lang);
      await page.locator('#follow_up_after_absences').focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('11');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('36');
      const [rejected] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(rejected.status(), 422, `an out-of-range value answers 422, got ${await landing(page, rejected)}`);
      const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(links, ['#follow_up_after_absences'], 'the summary names the one wrong field');
      assert.equal(await page.locator('#follow_up_after_absences').getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator('#follow_up_after_absences-error').innerText(), TEXT[lang].error);
      assert.equal(await page.inputValue('#follow_up_after_absences'), '11', 'the wrong value is kept');
      assert.equal(await page.inputValue('#reminder_hours_before'), '36', 'the other values are kept');
      await axeClean(page, 'running-settings-error', lang);
      // Following the summary's link puts the keyboard on the field.
      await page.locator('.error-summary a').first().focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#follow_up_after_absences');
      await page.locator('#follow_up_after_absences').fill('3');
      const saved = await submitFormOf(page, '#follow_up_after_absences');
      assert.equal(pathOf(page), '/running/settings', `saving ended at ${await landing(page, saved)}`);
      assert.equal(await page.inputValue('#reminder_hours_before'), '36');
      assert.equal(await page.locator('.notice[role="status"]').count(), 1, 'the save is confirmed');

      // The course's reminders.
      const course = await runningCourse(page);
      await page.goto(`${course}/reminders`);
      assert.match(await page.locator('h1').innerText(), TEXT[lang].reminders);
      await axeClean(page, 'course-reminders', lang);
      const participantSwitch = page.locator('#participant_reminders');
      const wasOn = await participantSwitch.isChecked();
      await participantSwitch.focus();
      await page.keyboard.press('Space');
      const toggled = await submitFormOf(page, '#participant_reminders');
      assert.equal(pathOf(page), `${course}/reminders`, `saving the switches ended at ${await landing(page, toggled)}`);
      assert.equal(await page.locator('#participant_reminders').isChecked(), !wasOn, 'the switch is saved');
      assert.equal(await page.locator('.notice[role="status"]').count(), 1, 'the save is confirmed');
      // Freshly loaded, not scrolled to the saved section, for the skip-link check.
      await page.goto(`${course}/reminders?saved=course`);
      await axeClean(page, 'course-reminders-saved', lang);

      // The cancel form of a session still ahead: both choices ticked.
      await page.goto(course);
      const sessions = page.locator('li[data-kind="session"][data-status="planned"] h3 a');
      assert.ok(await sessions.count(), 'the course has planned sessions');
      await sessions.last().click();
      await page.waitForURL(/\/courses\/\d+\/sessions\/\d+$/);
      assert.ok(await page.isChecked('#notify'), 'telling the families is ticked');
      assert.ok(await page.isChecked('#add_replacement'), 'a replacement is ticked');
      assert.match(await page.locator('label[for="notify"]').innerText(), TEXT[lang].notify);
      assert.match(await page.locator('label[for="add_replacement"]').innerText(), TEXT[lang].replacement);
      await axeClean(page, 'session-cancel-form', lang);
      // Without a reason: the error, and the choices as they were.
      await page.uncheck('#add_replacement');
      const noReason = await submitFormOf(page, '#reason');
      assert.equal(noReason.status(), 422, `no reason answers 422, got ${await landing(page, noReason)}`);
      assert.equal(await page.locator('#reason').getAttribute('aria-invalid'), 'true');
      assert.ok(await page.isChecked('#notify'));
      assert.ok(!(await page.isChecked('#add_replacement')), 'the unticked choice stays unticked');
      await axeClean(page, 'session-cancel-error', lang);
    } finally {
      await context.close();
    }
  });
}
