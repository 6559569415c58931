import { describe, expect, it } from 'vitest'
import { csvLine } from '../../../src/reports/writer'

// Finding 10: text cells a spreadsheet would run as a formula are written as text; numbers stay numbers.
describe('csvLine neutralises formula-like text (finding 10)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd|x', "'+cmd|x"],
    ['-1+cmd|x', "'-1+cmd|x"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    [`=cmd|' /C calc'!A0`, `'=cmd|' /C calc'!A0`],
    ['=HYPERLINK("http://x";"y")', `"'=HYPERLINK(""http://x"";""y"")"`],
  ])('%j → %j', (text, expected) => {
    expect(csvLine([text])).toBe(`${expected}\r\n`)
  })

  it('numbers, negative ones included, stay numbers; plain text is untouched', () => {
    expect(csvLine([-5, -0.25, 3.5, 'Maria', 'a=b', '', null])).toBe('-5;-0,25;3,5;Maria;a=b;;\r\n')
    // A signed number written as text (a dialled destination) holds no formula: left as written.
    expect(csvLine(['+5519991251527', '-12'])).toBe('+5519991251527;-12\r\n')
  })
})
