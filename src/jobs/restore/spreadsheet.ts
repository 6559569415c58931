/** Spreadsheets of backups and restore outcomes (J2, J3): one sheet per part, plain cells. */
import ExcelJS from 'exceljs'
import type { Data, Snapshot } from './categories'

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

export const backupSheets = (snapshot: Snapshot): Sheet[] =>
  Object.entries(snapshot.sources).map(([kind, items]) => ({
    name: SHEET_NAMES[kind] ?? kind,
    rows: items.map((i) => ({ id: i.id, nome: i.title, ...i.data })),
  }))

export function xlsxResponse(body: Buffer, filename: string): Response {
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}.xlsx"`,
    },
  })
}
