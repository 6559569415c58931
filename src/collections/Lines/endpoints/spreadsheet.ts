/**
 * Reading the bulk-import spreadsheet (SPEC L): .xlsx (exceljs) or .csv (comma or
 * semicolon, as Excel in pt-BR writes it). The first row holds the headers; they are
 * matched without accents or case, in Portuguese or English.
 */
import ExcelJS from 'exceljs'
import { readXlsxRows } from '../../../lib/xlsxReader'

export type ImportColumn = 'msisdn' | 'name' | 'department' | 'profile' | 'extension' | 'quota' | 'quotaAmount'

/** Headers of the template, in its column order. */
export const IMPORT_HEADERS: Record<ImportColumn, string> = {
  msisdn: 'Nº da linha',
  name: 'Nome',
  department: 'Departamento',
  profile: 'Perfil',
  extension: 'Ramal',
  quota: 'Cota',
  quotaAmount: 'Cota (MB)',
}

const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

const ALIASES: Record<string, ImportColumn> = {}
const alias = (column: ImportColumn, ...names: string[]) => names.forEach((n) => (ALIASES[key(n)] = column))
alias('msisdn', 'Nº da linha', 'N da linha', 'No da linha', 'Numero da linha', 'Linha', 'MSISDN', 'Line', 'Line number', 'Número')
alias('name', 'Nome', 'Name')
alias('department', 'Departamento', 'Department')
alias('profile', 'Perfil', 'Perfil da linha', 'Profile')
alias('extension', 'Ramal', 'Extension')
alias('quota', 'Cota', 'Limite', 'Controle da cota', 'Quota', 'Quota control')
alias('quotaAmount', 'Cota (MB)', 'Cota MB', 'Quantidade', 'Limite (MB)', 'Quota (MB)', 'Quota MB', 'amountMB')

export type SheetRow = { row: number } & Partial<Record<ImportColumn, string>>

export interface Sheet {
  columns: ImportColumn[]
  rows: SheetRow[]
  /** Headers that mean nothing here (reported, ignored). */
  unknown: string[]
}

/** Columns of the first row looked at for headers; cells beyond it are never read. */
export const MAX_HEADER_COLUMNS = 256

/** More data rows than an import takes: the reading stops there (answered 400 with the message). */
export class TooManyRows extends Error {
  constructor(max: number) {
    super(`No máximo ${max} linhas por planilha`)
  }
}

/**
 * The rows of a CSV for the small grammar spreadsheets write: quotes, doubled quotes, CRLF;
 * cells past `maxColumns` are dropped as they are read.
 */
export function* csvRows(text: string, maxColumns = MAX_HEADER_COLUMNS): Generator<string[]> {
  const src = text.replace(/^\uFEFF/, '')
  const firstLine = src.slice(0, Math.min(src.length, 64 * 1024)).split(/\r?\n/, 1)[0] ?? ''
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  let row: string[] = []
  let cell = ''
  let quoted = false
  let columns = 0
  const endCell = () => {
    if (columns++ < maxColumns) row.push(cell)
    cell = ''
  }
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === sep) endCell()
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      endCell()
      yield row
      row = []
      columns = 0
    } else cell += ch
  }
  if (cell !== '' || row.length) {
    endCell()
    yield row
  }
}

/** Builds a Sheet from rows arriving one by one: the header row first, then data rows (stops past `maxRows`). */
class SheetBuilder {
  private columns: (ImportColumn | null)[] | null = null
  readonly sheet: Sheet = { columns: [], rows: [], unknown: [] }
  constructor(private maxRows: number) {}

  /** The 1-based column is one the header named (or, before the header, one that may hold a header). */
  wants = (column: number, row: number): boolean => (this.columns === null ? row === 1 && column <= MAX_HEADER_COLUMNS : this.columns[column - 1] != null)

  header(cells: Map<number, string>) {
    const width = Math.max(0, ...cells.keys())
    const header = Array.from({ length: width }, (_, i) => cells.get(i + 1) ?? '')
    this.columns = header.map((h) => ALIASES[key(h)] ?? null)
    this.sheet.columns = this.columns.filter((c): c is ImportColumn => c !== null)
    this.sheet.unknown = header.filter((h, i) => h.trim() !== '' && this.columns![i] === null)
  }

  add(rowNumber: number, cells: Map<number, string>) {
    if (this.columns === null) this.header(new Map())
    const r: SheetRow = { row: rowNumber }
    let filled = false
    for (const [column, text] of cells) {
      const col = this.columns![column - 1]
      if (!col) continue
      r[col] = text.trim()
      if (r[col] !== '') filled = true
    }
    if (!filled) return
    if (this.sheet.rows.length >= this.maxRows) throw new TooManyRows(this.maxRows)
    this.sheet.rows.push(r)
  }
}

const isXlsx = (buf: Buffer) => buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b // "PK": a zip

/**
 * The sheet in a file (.xlsx: its first worksheet), reading only the columns the header
 * names and stopping past `maxRows` data rows (TooManyRows), in bounded memory whatever the
 * file declares (src/lib/xlsxReader.ts). Throws a message in Portuguese on an unreadable file.
 */
export async function readSheet(buf: Buffer, fileName = '', maxRows = Number.POSITIVE_INFINITY): Promise<Sheet> {
  const builder = new SheetBuilder(maxRows)
  if (isXlsx(buf) || /\.xlsx$/i.test(fileName)) {
    await readXlsxRows(buf, builder.wants, ({ row, cells }) => (row === 1 ? builder.header(cells) : builder.add(row, cells)))
    return builder.sheet
  }
  let n = 0
  for (const cells of csvRows(buf.toString('utf8'))) {
    const map = new Map<number, string>()
    cells.forEach((c, i) => builder.wants(i + 1, n + 1) && map.set(i + 1, c))
    if (++n === 1) builder.header(map)
    else builder.add(n, map)
  }
  return builder.sheet
}

/** A spreadsheet with the template's headers and the given rows (.xlsx). */
export async function writeSheet(rows: Partial<Record<ImportColumn, string | number | null>>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Assinantes')
  const cols = Object.keys(IMPORT_HEADERS) as ImportColumn[]
  ws.columns = cols.map((c) => ({ header: IMPORT_HEADERS[c], key: c, width: c === 'msisdn' ? 16 : 22 }))
  for (const r of rows) ws.addRow(Object.fromEntries(cols.map((c) => [c, r[c] ?? ''])))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
