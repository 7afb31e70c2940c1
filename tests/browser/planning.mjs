// Steps shared by the planning tests: find (or import) a programme in the library and
// plan a course from it, through the pages as a coordinator would.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { submitFormOf, pathOf, landing } from './lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The path of a programme the organisation owns, imported from data/programmes when missing. */
export async function ownProgramme(page, slug, name) {
  await page.goto(`/programmes?q=${encodeURIComponent(name)}`);
  const items = page.locator('.item-list > li').filter({ hasNot: page.locator('text=/Fra en annen organisasjon|From another organisation/') });
  const link = items.locator('h3 a', { hasText: name }).first();
  if (await link.count()) return link.getAttribute('href');
  await page.goto('/programmes/import');
  await page.fill('#manual', readFileSync(join(ROOT, 'data', 'programmes', `${slug}.toml`), 'utf8'));
  const response = await submitFormOf(page, '#manual');
  if (!/^\/programmes\/\d+$/.test(pathOf(page))) {
    throw new Error(`importing ${slug} ended at ${await landing(page, response)}`);
  }
  return pathOf(page);
}

/** Fills the new-course form (page already at /courses/new…) and submits it. */
export async function fillCourse(page, { name, venue = 'Frivilligsentralen', room = 'Møterom 2', start, weekdays, time = '17:00' }) {
  await page.fill('#name', name);
  await page.fill('#venue', venue);
  await page.fill('#room', room);
  await page.fill('#start_date', start);
  for (const box of await page.locator('input[name="weekdays"]').all()) {
    const value = await box.getAttribute('value');
    if (weekdays.includes(value)) await box.check();
    else await box.uncheck();
  }
  await page.fill('#start_time', time);
  return submitFormOf(page, '#name');
}

/** Plans a Mestringstreff course and returns its path (/courses/ID). */
export async function planCourse(page, name = 'Mestringstreff våren 2027') {
  await ownProgramme(page, 'mestringstreff', 'Mestringstreff');
  await page.goto('/courses/new?programme=mestringstreff');
  const response = await fillCourse(page, { name, start: '2027-04-22', weekdays: ['thu'] });
  if (!/^\/courses\/\d+$/.test(pathOf(page))) throw new Error(`planning a course ended at ${await landing(page, response)}`);
  return pathOf(page);
}
