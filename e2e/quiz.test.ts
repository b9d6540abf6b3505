import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { look, phoneContext, useServerAndBrowser, watchConsole } from './browser.ts'

// The score is written by the server when it checks the answers, and by the page itself when the quiz
// was opened offline: both must say the same words, in both languages.
const journey = useServerAndBrowser()

const QUIZ = { id: '/id/pustaka/kuis/parents', en: '/en/library/quiz/parents' } as const
const SCORE = { id: '1 dari 6 jawaban benar.', en: '1 of 6 answers right.' } as const
const language = (locale: 'id' | 'en') => (locale === 'id' ? 'Bahasa Indonesia' : 'English')

async function answerOneRightly(page: Page, locale: 'id' | 'en'): Promise<string> {
  await page.goto(journey.server.url + QUIZ[locale])
  await page.check('#q1 input[value=b]')
  await page.check('#q2 input[value=a]')
  await page.click('form.quiz button[type=submit]')
  await page.waitForFunction(() => !document.querySelector<HTMLElement>('[data-quiz-score]')?.hidden)
  return (await page.textContent('[data-quiz-score]'))!.trim()
}

describe('a quiz answered on a phone', () => {
  for (const locale of ['id', 'en'] as const) {
    it(`gives the score when the server checks it, in ${language(locale)}`, async () => {
      const context = await phoneContext(journey.browser, locale === 'id' ? 'id-ID' : 'en-GB')
      const page = await context.newPage()
      await expect(answerOneRightly(page, locale)).resolves.toBe(SCORE[locale])
      await look(page, `quiz-checked-${locale}`)
      await context.close()
    })

    it(`gives the same score when the page checks it offline, in ${language(locale)}`, async () => {
      // What the service worker does with no network: the checked address is answered with the saved,
      // unchecked page. Done here by the test, so the worker itself is kept out of the way.
      const context = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: locale === 'id' ? 'id-ID' : 'en-GB', isMobile: true, hasTouch: true, serviceWorkers: 'block' })
      await context.route((url) => url.pathname === QUIZ[locale] && url.searchParams.get('check') === '1', async (route) => route.fulfill({ response: await route.fetch({ url: journey.server.url + QUIZ[locale] }) }))
      const page = await context.newPage()
      const errors = watchConsole(page)
      await expect(answerOneRightly(page, locale)).resolves.toBe(SCORE[locale])
      expect(errors.filter((e) => !e.includes('blocked by Playwright'))).toEqual([])
      await expect(page.textContent('#q1 .feedback')).resolves.toContain(locale === 'id' ? 'Benar' : 'Right')
      await look(page, `quiz-checked-offline-${locale}`)
      await context.close()
    })
  }
})
