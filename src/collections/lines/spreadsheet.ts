/**
 * Reading the bulk-import spreadsheet (SPEC L): .xlsx (exceljs) or .csv (comma or
 * semicolon, as Excel in pt-BR writes it). The first row holds the headers; they are
 * matched without accents or case, in Portuguese or English.
 */
import ExcelJS from 'exceljs'

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

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return ''
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10)
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return value.result == null ? '' : String(value.result)
    return ''
  }
  return String(value)
}

/** A CSV parser for the small grammar spreadsheets write: quotes, doubled quotes, CRLF. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '')
  const firstLine = src.split(/\r?\n/, 1)[0] ?? ''
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  const endRow = () => {
    endCell()
    rows.push(row)
    row = []
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
      endRow()
    } else cell += ch
  }
  if (cell !== '' || row.length) endRow()
  return rows
}

function toSheet(matrix: string[][], firstRowNumber = 1): Sheet {
  const header = matrix[0] ?? []
  const columns: (ImportColumn | null)[] = header.map((h) => ALIASES[key(h)] ?? null)
  const unknown = header.filter((h, i) => h.trim() !== '' && columns[i] === null)
  const rows: SheetRow[] = []
  matrix.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return
    const r: SheetRow = { row: firstRowNumber + i + 1 }
    cells.forEach((c, j) => {
      const col = columns[j]
      if (col) r[col] = c.trim()
    })
    rows.push(r)
  })
  return { columns: columns.filter((c): c is ImportColumn => c !== null), rows, unknown }
}

const isXlsx = (buf: Buffer) => buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b // "PK": a zip

/** The sheet in a file (.xlsx: its first worksheet). Throws a message in Portuguese on an unreadable file. */
export async function readSheet(buf: Buffer, fileName = ''): Promise<Sheet> {
  if (isXlsx(buf) || /\.xlsx$/i.test(fileName)) {
    const wb = new ExcelJS.Workbook()
    try {
      await wb.xlsx.load(buf as never)
    } catch {
      throw new Error('Não foi possível ler a planilha .xlsx')
    }
    const ws = wb.worksheets[0]
    if (!ws) throw new Error('A planilha não tem abas')
    const matrix: string[][] = []
    const width = ws.columnCount
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = []
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value))
      matrix[n - 1] = cells
    })
    return toSheet(Array.from(matrix, (r) => r ?? []))
  }
  return toSheet(parseCsv(buf.toString('utf8')))
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
