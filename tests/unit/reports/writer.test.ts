import ExcelJS from 'exceljs'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeReportFile, type Cell } from '../../../src/reports/writer'
import { readCsvZip } from '../../integration/reports/helpers'

const dir = mkdtempSync(path.join(os.tmpdir(), 'gol-writer-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function* rows(n: number, failAt?: number): AsyncGenerator<Cell[]> {
  for (let i = 0; i < n; i++) {
    if (i === failAt) throw new Error('falha no meio')
    yield [`linha ${i}`, i, i % 2 ? 'Sim; "talvez"' : '']
  }
}

describe('report writer', () => {
  it('xlsx: header and every row', async () => {
    const file = path.join(dir, 'a.xlsx')
    expect(await writeReportFile({ file, format: 'xlsx', title: 'Teste', headers: ['Nome', 'Nº', 'Obs'], rows: rows(2500) })).toBe(2500)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const sheet = wb.worksheets[0]
    expect(sheet.name).toBe('Teste')
    expect(sheet.rowCount).toBe(2501)
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Nome', 'Nº', 'Obs'])
    expect((sheet.getRow(2501).values as unknown[]).slice(1)).toEqual(['linha 2499', 2499, 'Sim; "talvez"'])
  })

  it('csv.zip: one CSV entry with header and every row', async () => {
    const file = path.join(dir, 'a.csv.zip')
    expect(await writeReportFile({ file, format: 'csv', title: 'Teste', headers: ['Nome', 'Nº', 'Obs'], rows: rows(3000) })).toBe(3000)
    const { name, rows: table } = await readCsvZip(readFileSync(file))
    expect(name).toBe('Teste.csv')
    expect(table.length).toBe(3001)
    expect(table[0]).toEqual(['Nome', 'Nº', 'Obs'])
    expect(table[3000]).toEqual(['linha 2999', '2999', 'Sim; "talvez"'])
  })

  it.each(['xlsx', 'csv'] as const)('%s: an error mid-way leaves no file, not even a temporary one', async (format) => {
    const file = path.join(dir, `broken.${format}`)
    await expect(writeReportFile({ file, format, title: 'X', headers: ['a'], rows: rows(100, 50) })).rejects.toThrow('falha no meio')
    expect(readdirSync(dir).filter((f) => f.startsWith('broken'))).toEqual([])
  })
})
