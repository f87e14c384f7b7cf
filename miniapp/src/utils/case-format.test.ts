import { countdownText, instantText, limitsText } from './case-format'

const limit = (dueDate: string, remainingDays: number, overdueDays = 0) => ({ limitDays: 3, dueDate, remainingDays, overdueDays })

describe('countdownText', () => {
  it('says how many working days are left and the due day', () => {
    expect(countdownText({ state: 'running', usedDays: 1, pausedDays: 0, paused: false, promised: limit('2026-02-24', 2), statutory: limit('2026-03-16', 19) })).toEqual({
      text: '承诺时限还剩2个工作日（2月24日前办结）',
      tone: 'ok',
    })
  })
  it('explains a stopped clock and an overdue case', () => {
    expect(countdownText({ state: 'paused', usedDays: 1, pausedDays: 2, paused: true, promised: limit('2026-02-26', 2), statutory: limit('2026-03-20', 19) }).text).toContain('暂停计时中')
    expect(countdownText({ state: 'overdue', usedDays: 5, pausedDays: 0, paused: false, promised: limit('2026-02-26', 0, 2), statutory: limit('2026-03-20', 15) })).toEqual({
      text: '已超承诺时限2个工作日；法定时限3月20日到期',
      tone: 'danger',
    })
    expect(countdownText(null).text).toContain('尚未受理')
  })
  it('writes times in Beijing time and the limits as the 受理单 does', () => {
    expect(instantText('2026-02-13T03:05:00.000Z')).toBe('2月13日 11:05')
    expect(limitsText({ promisedDays: 3, statutoryDays: 20, countdown: null })).toBe('承诺3个工作日，法定20个工作日（节假日不计，补正和特别程序期间暂停计时）')
  })
})
