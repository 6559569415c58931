import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAdminApp, type TestApp } from '../../helpers/app'
import { type World } from '../../helpers/world'
import { manyRows, sheetXml, xlsxFile } from './hostileXlsx'

// Finding 6: a 6 KB .xlsx declaring 100 000 rows × 16 384 columns exhausted the heap of the
// import (every empty cell was visited). The import must answer in bounded time and memory.
let app: TestApp
let world: World
let token: string
const HEADERS = ['Nº da linha', 'Nome', 'Ramal']

/** Runs `work` while sampling the heap; returns its result, the peak heap growth (MB) and the time (ms). */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; heapMB: number; ms: number }> {
  global.gc?.()
  const base = process.memoryUsage().heapUsed
  let peak = base
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10)
  const started = Date.now()
  try {
    const result = await work()
    return { result, heapMB: (Math.max(peak, process.memoryUsage().heapUsed) - base) / 2 ** 20, ms: Date.now() - started }
  } finally {
    clearInterval(timer)
  }
}

const post = (content: Buffer, fileName = 'linhas.xlsx') => app.rest.post('/lines/import', { fileName, content: content.toString('base64') }, token)

beforeAll(async () => ({ app, world, adminToken: token } = await startAdminApp()))
afterAll(async () => app?.close())

describe('line import: hostile spreadsheets (finding 6)', () => {
  it('a tiny .xlsx declaring 100 000 rows × 16 384 columns imports its real rows, in bounded time and memory', async () => {
    const [l0, l1] = world.a.lines
    const file = await xlsxFile(
      sheetXml([HEADERS, [String(l0.msisdn), '', '2001'], [String(l1.msisdn), '', '2002']], {
        dimension: 'A1:XFD100000',
        cols: '<cols><col min="1" max="2000000000" width="9"/></cols>',
        extra: '<row r="100000"><c r="XFD100000" t="inlineStr"><is><t>x</t></is></c></row>',
      }),
    )
    expect(file.length).toBeLessThan(8 * 1024)
    const { result: res, heapMB, ms } = await measured(() => post(file))
    expect(res.status).toBe(200)
    expect(res.body.summary).toMatchObject({ rows: 2, change: 2, error: 0 })
    expect(res.body.rows.map((r: any) => r.changes)).toEqual([[{ field: 'extension', from: null, to: '2001' }], [{ field: 'extension', from: null, to: '2002' }]])
    expect(ms).toBeLessThan(15_000)
    expect(heapMB).toBeLessThan(150)
  })

  it('a sheet that inflates far beyond what an import needs is refused with the reason, without inflating it', async () => {
    const file = await xlsxFile(manyRows(HEADERS, 4_000_000))
    expect(file.length).toBeLessThan(1024 * 1024)
    const { result: res, heapMB, ms } = await measured(() => post(file))
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'content', message: expect.stringMatching(/grande demais/) })
    expect(ms).toBeLessThan(15_000)
    expect(heapMB).toBeLessThan(150)
  })

  it('more data rows than the limit stop the reading with the reason', async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => [`55119${String(10_000_000 + i)}`])
    const file = await xlsxFile(sheetXml([HEADERS, ...rows]))
    const res = await post(file)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'content', message: expect.stringContaining('No máximo 10000 linhas') })
  })

  it('a .csv of one row with millions of separators is read in bounded memory', async () => {
    const [l0] = world.a.lines
    const csv = Buffer.from(`${HEADERS.join(';')}${';'.repeat(3_000_000)}\r\n${String(l0.msisdn)};;3003\r\n`, 'utf8')
    const { result: res, heapMB } = await measured(() => post(csv, 'linhas.csv'))
    expect(res.status).toBe(200)
    expect(res.body.summary).toMatchObject({ rows: 1, change: 1 })
    expect(heapMB).toBeLessThan(150)
  })
})
