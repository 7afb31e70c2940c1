// The questionnaire library on a phone (360 × 740), in bokmål and in English: the demo
// coordinator goes from the programme library to the questionnaires, opens one shipped
// questionnaire (its items with their options and its scoring scales), then imports an
// invalid definition: every problem is listed with its JSON path, the text pasted is kept,
// and nothing is saved. Every page axe-clean (WCAG 2.1 AA) without horizontal scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import {
  launchBrowser, newContext, signIn, pathOf, checkPage, assertNoProblems, landing, switchLanguage, LANGS, PHONE,
} from './lib.mjs';

let server;
let browser;

before(async () => {
  server = await startServer('server-questionnaire-library');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const TEXT = {
  nb: { library: 'Spørreskjemabibliotek', scales: 'Skåring', importTitle: 'Importer et spørreskjema' },
  en: { library: 'Questionnaire library', scales: 'Scoring', importTitle: 'Import a questionnaire' },
};

async function axeClean(page, name, lang) {
  const problems = await checkPage(page, { name: `${name}-${lang}`, lang, where: { page: name, role: 'coordinator', lang } });
  assertNoProblems(problems, `${name} (coordinator, ${lang})`);
}

async function follow(page, locator) {
  await locator.focus();
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  return response;
}

const BROKEN = JSON.stringify({
  resourceType: 'Questionnaire',
  url: 'not an address',
  status: 'active',
  language: 'nb',
  title: 'Ødelagt',
  item: [
    { linkId: 'a', type: 'attachment', text: 'Legg ved' },
    { linkId: 'a', type: 'choice', text: 'Velg' },
  ],
}, null, 2);

for (const lang of LANGS) {
  test(`the coordinator browses and imports questionnaires at 360 px (${lang})`, { timeout: 180_000 }, async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    try {
      const signedIn = await signIn(page, server.accounts.coordinator);
      assert.equal(pathOf(page), '/', `signing in landed on ${await landing(page, signedIn)}`);
      await switchLanguage(page, lang);
      assert.deepEqual(page.viewportSize(), PHONE);

      // From the programme library to the questionnaires.
      await page.goto('/programmes');
      const toLibrary = await follow(page, page.locator('a[href="/questionnaires"]').first());
      assert.equal(toLibrary.status(), 200, `library: ${await landing(page, toLibrary)}`);
      assert.equal((await page.locator('h1').innerText()).trim(), TEXT[lang].library);
      const links = await page.locator('.item-list a').count();
      assert.ok(links >= 6, `the shipped questionnaires are listed (${links})`);
      await axeClean(page, 'questionnaire-library', lang);

      // One questionnaire: items with options, the scales, the versions.
      const one = page.locator('.item-list a').filter({ hasText: lang === 'nb' ? /samling/i : /session/i }).first();
      const opened = await follow(page, one);
      assert.equal(opened.status(), 200, `questionnaire: ${await landing(page, opened)}`);
      assert.ok(await page.locator('.qlib-items > li').count() > 0, 'the items are shown');
      assert.ok(await page.locator('.qlib-options li').count() > 0, 'choices show their options');
      assert.match(await page.locator('#qlib-scales-heading').innerText(), new RegExp(TEXT[lang].scales));
      assert.ok(await page.locator('#qlib-scales-heading ~ article h3').count() > 0, 'the scales are shown');
      await axeClean(page, 'questionnaire-library-one', lang);

      // An invalid import: every problem with its path, the text kept.
      await page.goto('/questionnaires/import');
      assert.equal((await page.locator('h1').innerText()).trim(), TEXT[lang].importTitle);
      await axeClean(page, 'questionnaire-library-import', lang);
      await page.fill('#definition_1', BROKEN);
      await page.fill('#scoring', '{"questionnaire": ');
      const refused = await follow(page, page.locator('form[action="/questionnaires/import"] button[type="submit"]'));
      assert.equal(refused.status(), 422, `an invalid import answers 422, got ${await landing(page, refused)}`);
      const summary = await page.locator('.error-summary').innerText();
      for (const path of ['url', 'item[0].type', 'item[1].linkId']) {
        assert.ok(summary.includes(path), `the summary names ${path}: ${summary}`);
      }
      const targets = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(targets.includes('#definition_1') && targets.includes('#scoring'), targets.join(' '));
      assert.equal(await page.inputValue('#definition_1'), BROKEN, 'the definition is kept');
      assert.equal(await page.inputValue('#scoring'), '{"questionnaire": ', 'the rules are kept');
      assert.equal(await page.locator('#definition_1').getAttribute('aria-invalid'), 'true');
      await axeClean(page, 'questionnaire-library-import-errors', lang);

      await page.goto('/questionnaires');
      assert.equal(await page.locator('.item-list a').count(), links, 'nothing was imported');
    } finally {
      await context.close();
    }
  });
}
