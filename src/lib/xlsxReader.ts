/**
 * Reads the first worksheet of an .xlsx uploaded by a user, in bounded memory and time
 * whatever the file declares. exceljs's readers are not used here: `Workbook.load` builds
 * every declared row × column (a 6 KB file declaring 100 000 × 16 384 cells exhausted the
 * heap), and its streaming WorkbookReader still creates one object per column of a
 * `<col min max>` range and inflates worksheets to temporary files without a size limit.
 *
 * Here: the zip's central directory is read (yauzl), only the parts needed are inflated,
 * each refused above a size limit before and while inflating; the XML is parsed as a stream
 * (saxes); only the cells the caller asks for are kept, and rows are yielded one by one so
 * the caller can stop at its row limit.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'

/** A file too large (inflated) or too complex for an import: answered 400 with this message. */
export class SpreadsheetTooLarge extends Error {}
/** Not an .xlsx this reader understands. */
export class UnreadableSpreadsheet extends Error {}

export interface XlsxLimits {
  /** Inflated bytes of the worksheet XML. */
  sheetBytes: number
  /** Inflated bytes of the shared-strings table. */
  sharedStringsBytes: number
  /** Inflated bytes of the workbook and its relationships. */
  partBytes: number
  /** Entries in the zip's directory. */
  entries: number
}

export const XLSX_LIMITS: XlsxLimits = { sheetBytes: 48 * 2 ** 20, sharedStringsBytes: 24 * 2 ** 20, partBytes: 2 ** 20, entries: 2_000 }

export interface XlsxRow {
  /** 1-based row number. */
  row: number
  /** Text of the wanted cells by 1-based column number. */
  cells: Map<number, string>
}

/** Which cells to keep: (1-based column, row). Decided per row, so it may change after the header. */
export type CellFilter = (column: number, row: number) => boolean

const MAX_COLUMN = 16_384
const TOO_LARGE = 'Planilha grande demais para importar (conteúdo descompactado acima do limite)'

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

/** "XFD100000" → 16384; undefined when not a cell reference. */
function columnOf(ref: string | undefined): number | undefined {
  const m = ref ? /^([A-Z]{1,3})\d*$/i.exec(ref) : null
  if (!m) return undefined
  let n = 0
  for (const ch of m[1].toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n
}

/** Feeds an inflated part to a parser, chunk by chunk, refusing it above `limit` bytes. */
async function* xmlEvents(stream: Readable, limit: number, parser: SaxesParser): AsyncGenerator<void> {
  const decoder = new TextDecoder('utf-8')
  let bytes = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length
      if (bytes > limit) throw new SpreadsheetTooLarge(TOO_LARGE)
      parser.write(decoder.decode(chunk, { stream: true }))
      yield
    }
    parser.write(decoder.decode())
    parser.close()
    yield
  } finally {
    stream.destroy()
  }
}

function newParser(): SaxesParser {
  const parser = new SaxesParser({ position: false })
  parser.on('error', (error) => {
    throw new UnreadableSpreadsheet(`XML inválido: ${error.message}`)
  })
  return parser
}

class Zip {
  private constructor(
    private file: yauzl.ZipFile,
    private entries: Map<string, yauzl.Entry>,
  ) {}

  static async open(buf: Buffer, limits: XlsxLimits): Promise<Zip> {
    let file: yauzl.ZipFile
    try {
      file = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false })
    } catch {
      throw new UnreadableSpreadsheet('Não foi possível ler a planilha .xlsx')
    }
    if (file.entryCount > limits.entries) throw new SpreadsheetTooLarge('Planilha com partes demais para importar')
    const entries = new Map<string, yauzl.Entry>()
    try {
      for await (const entry of file.eachEntry()) entries.set(entry.fileName.replace(/^\//, ''), entry)
    } catch {
      throw new UnreadableSpreadsheet('Não foi possível ler a planilha .xlsx')
    }
    return new Zip(file, entries)
  }

  has = (name: string) => this.entries.has(name)

  /** The inflated part, refused before inflating when it declares more than `limit` bytes. */
  async open(name: string, limit: number): Promise<Readable> {
    const entry = this.entries.get(name)
    if (!entry) throw new UnreadableSpreadsheet(`A planilha não tem a parte ${name}`)
    if (entry.uncompressedSize > limit) throw new SpreadsheetTooLarge(TOO_LARGE)
    return this.file.openReadStreamPromise(entry)
  }

  close = () => this.file.close()
}

/** Parses a small part whole, calling `onOpen` for each element. */
async function scanPart(zip: Zip, name: string, limit: number, onOpen: (tag: SaxesTagPlain) => void): Promise<void> {
  const parser = newParser()
  parser.on('opentag', (tag) => onOpen(tag as SaxesTagPlain))
  for await (const _ of xmlEvents(await zip.open(name, limit), limit, parser));
}

/** Resolves a relationship target of xl/workbook.xml to a zip path. */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/')

/** The first worksheet's part and the shared-strings part, from the workbook and its relationships. */
async function locateParts(zip: Zip, limits: XlsxLimits): Promise<{ sheet: string; sharedStrings?: string }> {
  const targets = new Map<string, string>()
  let sharedStrings: string | undefined
  if (zip.has('xl/_rels/workbook.xml.rels')) {
    await scanPart(zip, 'xl/_rels/workbook.xml.rels', limits.partBytes, (tag) => {
      if (localName(tag.name) !== 'Relationship') return
      const { Id, Target, Type } = tag.attributes
      if (!Id || !Target) return
      targets.set(Id, partPath(Target))
      if (Type?.endsWith('/sharedStrings')) sharedStrings = partPath(Target)
    })
  }
  let first: string | undefined
  if (zip.has('xl/workbook.xml')) {
    await scanPart(zip, 'xl/workbook.xml', limits.partBytes, (tag) => {
      if (first === undefined && localName(tag.name) === 'sheet') {
        const rid = Object.entries(tag.attributes).find(([k]) => localName(k) === 'id' && k !== 'sheetId')?.[1]
        first = rid ? targets.get(rid) : undefined
      }
    })
  }
  const sheet = first ?? (zip.has('xl/worksheets/sheet1.xml') ? 'xl/worksheets/sheet1.xml' : undefined)
  if (!sheet || !zip.has(sheet)) throw new UnreadableSpreadsheet('A planilha não tem abas')
  if (!sharedStrings && zip.has('xl/sharedStrings.xml')) sharedStrings = 'xl/sharedStrings.xml'
  return { sheet, sharedStrings: sharedStrings && zip.has(sharedStrings) ? sharedStrings : undefined }
}

/** The shared-strings table (`<si>` items: plain `<t>` or rich-text runs), bounded by its inflated size. */
async function readSharedStrings(zip: Zip, name: string, limit: number): Promise<string[]> {
  const strings: string[] = []
  const parser = newParser()
  let current: string | null = null
  let inText = false
  let depthInPhonetic = 0
  parser.on('opentag', (tag) => {
    const n = localName(tag.name)
    if (n === 'si') current = ''
    else if (n === 'rPh') depthInPhonetic++
    else if (n === 't' && depthInPhonetic === 0) inText = true
  })
  parser.on('text', (text) => {
    if (inText && current !== null) current += text
  })
  parser.on('closetag', (tag) => {
    const n = localName(tag.name)
    if (n === 't') inText = false
    else if (n === 'rPh') depthInPhonetic--
    else if (n === 'si') {
      strings.push(current ?? '')
      current = null
    }
  })
  for await (const _ of xmlEvents(await zip.open(name, limit), limit, parser));
  return strings
}

/**
 * Reads the rows of the first worksheet in file order, calling `onRow` with the cells
 * `wanted` keeps (as text: shared and inline strings, numbers as written, booleans
 * TRUE/FALSE, formulas' cached results) as soon as each row is parsed, so what `onRow` learns
 * (the header) decides the next rows' cells. Rows without a wanted cell are skipped. An error
 * thrown by `onRow` stops the reading and is rethrown.
 */
export async function readXlsxRows(buf: Buffer, wanted: CellFilter, onRow: (row: XlsxRow) => void, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  const zip = await Zip.open(buf, limits)
  try {
    const parts = await locateParts(zip, limits)
    const shared = parts.sharedStrings ? await readSharedStrings(zip, parts.sharedStrings, limits.sharedStringsBytes) : []
    const parser = newParser()
    let row: XlsxRow | null = null
    let lastRow = 0
    let lastColumn = 0
    let cell: { column: number; type: string; text: string | null } | null = null
    let capture = false
    let inInline = 0
    parser.on('opentag', (tag) => {
      const n = localName(tag.name)
      if (n === 'row') {
        const r = Number(tag.attributes.r)
        lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1
        lastColumn = 0
        row = { row: lastRow, cells: new Map() }
      } else if (n === 'c' && row) {
        const column = columnOf(tag.attributes.r as string | undefined) ?? lastColumn + 1
        lastColumn = column
        cell = column <= MAX_COLUMN && wanted(column, row.row) ? { column, type: String(tag.attributes.t ?? 'n'), text: null } : null
      } else if (cell && (n === 'v' || (n === 't' && inInline > 0))) {
        capture = true
        cell.text ??= ''
      } else if (n === 'is') inInline++
    })
    parser.on('text', (text) => {
      if (capture && cell) cell.text += text
    })
    parser.on('closetag', (tag) => {
      const n = localName(tag.name)
      if (n === 'v' || n === 't') capture = false
      else if (n === 'is') inInline--
      else if (n === 'c') {
        if (cell && row && cell.text !== null) row.cells.set(cell.column, cellText(cell.type, cell.text, shared))
        cell = null
      } else if (n === 'row') {
        const done = row
        row = null
        if (done?.cells.size) onRow(done)
      }
    })
    for await (const _ of xmlEvents(await zip.open(parts.sheet, limits.sheetBytes), limits.sheetBytes, parser));
  } finally {
    zip.close()
  }
}

function cellText(type: string, text: string, shared: string[]): string {
  switch (type) {
    case 's':
      return shared[Number(text)] ?? ''
    case 'b':
      return text.trim() === '1' ? 'TRUE' : 'FALSE'
    case 'e':
      return ''
    case 'n': {
      const n = Number(text)
      return text.trim() !== '' && Number.isFinite(n) ? String(n) : text
    }
    default:
      return text
  }
}
