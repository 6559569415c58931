import { afterEach, describe, expect, it, vi } from 'vitest'
import { engineHoldGraceS, numberSetting, restoreBatchSize, spendWebhookAttempts } from '../../../src/lib/settings'

const NAMES = ['GOL_TEST_NUMBER', 'ENGINE_HOLD_GRACE_S', 'RESTORE_BATCH_SIZE', 'SPEND_WEBHOOK_ATTEMPTS']
afterEach(() => {
  for (const n of NAMES) delete process.env[n]
  vi.restoreAllMocks()
})

describe('numberSetting: one reader for every numeric setting', () => {
  it('gives the fallback when unset or empty, and the value (zero included) when set', () => {
    expect(numberSetting('GOL_TEST_NUMBER', 7)).toBe(7)
    process.env.GOL_TEST_NUMBER = ' '
    expect(numberSetting('GOL_TEST_NUMBER', 7)).toBe(7)
    process.env.GOL_TEST_NUMBER = '0'
    expect(numberSetting('GOL_TEST_NUMBER', 7)).toBe(0)
    process.env.GOL_TEST_NUMBER = '2.5'
    expect(numberSetting('GOL_TEST_NUMBER', 7)).toBe(2.5)
  })

  it('refuses a typo or a value below the minimum with one warning naming the variable, and keeps the fallback', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    process.env.ENGINE_HOLD_GRACE_S = '60s'
    expect(engineHoldGraceS()).toBe(60)
    expect(engineHoldGraceS()).toBe(60)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0][0])).toContain('ENGINE_HOLD_GRACE_S="60s"')
    process.env.RESTORE_BATCH_SIZE = '0'
    expect(restoreBatchSize()).toBe(500)
    process.env.SPEND_WEBHOOK_ATTEMPTS = '-3'
    expect(spendWebhookAttempts()).toBe(6)
    process.env.SPEND_WEBHOOK_ATTEMPTS = '2'
    expect(spendWebhookAttempts()).toBe(2)
  })
})
