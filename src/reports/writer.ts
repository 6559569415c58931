import { ZipArchive } from 'archiver'
import ExcelJS from 'exceljs'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough, Readable, type Writable } from 'node:stream'
import { finished } from 'node:stream/promises'

export type Cell = string | number | null | undefined
export type ReportFormat = 'xlsx' | 'csv'

export interface WriteSpec {
  /** Final path of the file (`.xlsx` or `.csv.zip`). */
  file: string
  format: ReportFormat
  /** Worksheet name, and the CSV entry name inside the zip. */
  title: string
  headers: string[]
  rows: AsyncIterable<Cell[]>
  /** Called every `progressEvery` rows (heartbeat of a long report). */
  onProgress?: (rows: number) => Promise<void> | void
  progressEvery?: number
}

/**
 * Streams rows into a spreadsheet: exceljs's streaming WorkbookWriter (rows are
 * committed and flushed as they come) or a CSV inside a zip. The file is written
 * under a temporary name and renamed when complete, so a reader never sees half a file;
 * on any error the temporary file is removed. Returns the number of data rows.
 */
export async function writeReportFile(spec: WriteSpec): Promise<number> {
  await mkdir(path.dirname(spec.file), { recursive: true })
  const tmp = `${spec.file}.${process.pid}.${Date.now()}.part`
  try {
    const count = spec.format === 'xlsx' ? await writeXlsx(tmp, spec) : await writeCsvZip(tmp, spec)
    await rename(tmp, spec.file)
    return count
  } catch (error) {
    await rm(tmp, { force: true })
    throw error
  }
}

async function each(spec: Pick<WriteSpec, 'rows' | 'onProgress' | 'progressEvery'>, write: (row: Cell[]) => void | Promise<void>): Promise<number> {
  const every = spec.progressEvery ?? 50_000
  let count = 0
  for await (const row of spec.rows) {
    await write(row)
    count++
    if (spec.onProgress && count % every === 0) await spec.onProgress(count)
  }
  return count
}

/**
 * exceljs's streaming writer pushes each committed row into the zip compressor without
 * waiting for it (no backpressure), so a producer faster than deflate piles the sheet up in
 * memory. Wait while more than a few MB are queued in front of the compressor.
 */
type Queue = { writableLength?: number; _writableState?: { length?: number } }
async function backpressure(sheet: unknown): Promise<void> {
  const pipes = (sheet as { stream?: { pipes?: Queue[] } }).stream?.pipes ?? []
  // archiver's streams come from readable-stream 2, which has no `writableLength` getter.
  const queued = () => pipes.reduce((n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0), 0)
  while (queued() > 4 * 1024 * 1024) await new Promise((resolve) => setTimeout(resolve, 2))
}

async function writeXlsx(tmp: string, spec: WriteSpec): Promise<number> {
  return fillXlsx({ filename: tmp }, spec)
}

/**
 * An .xlsx written straight into a stream (an HTTP answer): the first bytes leave at once and
 * memory stays flat, as the file is never whole anywhere. While the reader lags more than a
 * few MB behind, the rows wait. An error destroys the stream (the client sees a cut download,
 * never a complete-looking wrong file).
 */
export function streamXlsx(spec: Omit<WriteSpec, 'file' | 'format'>): Readable {
  const out = new PassThrough({ highWaterMark: 1024 * 1024 })
  fillXlsx({ stream: out }, spec, async () => {
    while (out.readableLength > 4 * 1024 * 1024 && !out.destroyed) await new Promise((resolve) => setTimeout(resolve, 5))
    if (out.destroyed) throw new Error('download interrompido pelo cliente')
  }).catch((error) => out.destroy(error as Error))
  return out
}

/** A streamed .xlsx answer (no length: the file is written while it is sent). */
export const xlsxResponse = (stream: Readable, name: string): Response =>
  new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name.replace(/"/g, '')}"`,
      'cache-control': 'private, no-store',
    },
  })

async function fillXlsx(target: { filename: string } | { stream: Writable }, spec: Omit<WriteSpec, 'file' | 'format'>, reader?: () => Promise<void>): Promise<number> {
  let written = 0
  // No styles and no shared-strings table: both cost time and memory per cell on a million rows.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName(spec.title), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(spec.headers).commit()
  const count = await each(spec, async (row) => {
    sheet.addRow(row.map((c) => (c == null ? '' : c))).commit()
    if (++written % 1000 === 0) {
      await backpressure(sheet)
      await reader?.()
    }
  })
  sheet.commit()
  await workbook.commit()
  return count
}

const CSV_SPECIAL = /[";\r\n]/
/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection"): written after a `'`, so
 * it stays text. A signed number alone (a destination `+5519…`) holds no function or reference
 * and is left as written.
 */
const FORMULA_START = /^[=+\-@\t\r]/
const SIGNED_NUMBER = /^[+-]\d+(?:[.,]\d+)?$/
const neutralised = (text: string) => (FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text)
/**
 * Semicolon-separated (pt-BR Excel reads `,` as the decimal mark), UTF-8 with BOM. Only text
 * cells are neutralised: a number (negative ones too) stays a number.
 */
export const csvLine = (row: Cell[]): string =>
  row
    .map((c) => {
      if (c == null) return ''
      const s = typeof c === 'number' ? String(c).replace('.', ',') : neutralised(c)
      return CSV_SPECIAL.test(s) ? `"${s.replace(/"/g, '""')}"` : s
    })
    .join(';') + '\r\n'

async function writeCsvZip(tmp: string, spec: WriteSpec): Promise<number> {
  const output = createWriteStream(tmp)
  const archive = new ZipArchive({ zlib: { level: 6 } })
  const archiveError = new Promise<never>((_, reject) => {
    archive.on('error', reject)
    output.on('error', reject)
  })
  archive.pipe(output)
  const csv = new PassThrough()
  archive.append(csv, { name: `${spec.title}.csv` })
  let buffer = '\uFEFF' + csvLine(spec.headers)
  const flush = async () => {
    if (!csv.write(buffer)) await Promise.race([once(csv, 'drain'), archiveError])
    buffer = ''
  }
  const count = await each(spec, async (row) => {
    buffer += csvLine(row)
    if (buffer.length > 64 * 1024) await flush()
  })
  await flush()
  csv.end()
  await Promise.race([archive.finalize(), archiveError])
  await Promise.race([finished(output), archiveError])
  return count
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)
