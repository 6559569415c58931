/** Spreadsheets of backups and restore outcomes (J2, J3): one sheet per part, plain cells. */
import ExcelJS from 'exceljs'
import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import type { FileItem } from './backupFile'
import type { Data } from './categories'

/** A timestamp in São Paulo time as `YYYYMMDDHHmmss` (backup names: `assinantes_20250526144355`). */
export function saoPauloStamp(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/Sao_Paulo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${get('year')}${get('month')}${get('day')}${get('hour')}${get('minute')}${get('second')}`
}

/** Nested values as flat columns: `quota.control`, arrays as JSON. */
export function flatten(data: Data, prefix = '', out: Data = {}): Data {
  for (const [key, value] of Object.entries(data)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (value && typeof value === 'object' && !Array.isArray(value)) flatten(value as Data, name, out)
    else out[name] = Array.isArray(value) ? (value.every((v) => typeof v !== 'object') ? value.join(', ') : JSON.stringify(value)) : value
  }
  return out
}

export interface Sheet {
  name: string
  rows: Data[]
}

export async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name.slice(0, 31))
    const rows = sheet.rows.map((r) => flatten(r))
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))]
    ws.columns = columns.map((key) => ({ header: key, key, width: Math.min(40, Math.max(10, key.length + 2)) }))
    for (const row of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])))
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

export const SHEET_NAMES: Record<string, string> = {
  lines: 'Assinantes',
  company: 'Configurações gerais',
  holidays: 'Feriados',
  transfers: 'Transferências Claro Pós',
  profiles: 'Perfis',
  offers: 'Ofertas compartilhadas',
  quotas: 'Cotas das linhas',
  departments: 'Departamentos',
  users: 'Usuários',
}

/** A backup file's items as spreadsheet rows, one sheet per source (a source's items share their fields). */
export async function* backupSheetRows(items: AsyncIterable<FileItem>): AsyncGenerator<{ sheet: string; row: Data }> {
  for await (const item of items) yield { sheet: SHEET_NAMES[item.kind] ?? item.kind, row: flatten({ id: item.id, nome: item.title, ...item.data }) }
}

/**
 * An .xlsx answer written while it is sent (exceljs's streaming writer): constant memory
 * whatever the number of rows. Columns of each sheet come from its first row.
 */
export function streamedXlsx(rows: AsyncIterable<{ sheet: string; row: Data }>, filename: string): Response {
  const out = new PassThrough()
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false })
  void (async () => {
    let current: { name: string; sheet: ExcelJS.Worksheet; columns: string[] } | undefined
    for await (const { sheet, row } of rows) {
      if (current?.name !== sheet) {
        current?.sheet.commit()
        const ws = book.addWorksheet(sheet.slice(0, 31))
        const columns = Object.keys(row)
        ws.addRow(columns).commit()
        current = { name: sheet, sheet: ws, columns }
      }
      current.sheet.addRow(current.columns.map((c) => (row[c] ?? null) as ExcelJS.CellValue)).commit()
      // The writer does not wait for the reader: let the answer drain.
      if (out.writableLength > 4 * 1024 * 1024) await once(out, 'drain')
    }
    current?.sheet.commit()
    await book.commit()
  })().catch((e: unknown) => out.destroy(e as Error))
  return new Response(Readable.toWeb(out) as unknown as ReadableStream, {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}.xlsx"`,
    },
  })
}

export function xlsxResponse(body: Buffer, filename: string): Response {
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}.xlsx"`,
    },
  })
}
