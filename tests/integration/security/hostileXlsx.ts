import { ZipArchive } from 'archiver'
import { Readable } from 'node:stream'

/**
 * Hand-made .xlsx files for the import's hostile-input tests: the few parts a spreadsheet
 * reader needs, with whatever the sheet XML declares (dimensions, column ranges, far cells).
 */
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Assinantes" sheetId="1" r:id="rId1"/></sheets></workbook>`
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`

const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`

/** Sheet XML: the given rows (inline strings from column A), then `extra` raw XML inside sheetData. */
export function sheetXml(rows: string[][], options: { dimension?: string; cols?: string; extra?: string } = {}): string {
  const body = rows.map((r, i) => `<row r="${i + 1}">${r.map((t, j) => cell(`${String.fromCharCode(65 + j)}${i + 1}`, t)).join('')}</row>`).join('')
  return `${SHEET_OPEN}${options.dimension ? `<dimension ref="${options.dimension}"/>` : ''}${options.cols ?? ''}<sheetData>${body}${options.extra ?? ''}</sheetData></worksheet>`
}

/** A zip of the workbook parts with `sheet` (a string or a stream of XML) as the first worksheet. */
export async function xlsxFile(sheet: string | Readable): Promise<Buffer> {
  const archive = new ZipArchive({ zlib: { level: 9 } })
  const chunks: Buffer[] = []
  archive.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve())
    archive.on('error', reject)
  })
  archive.append(CONTENT_TYPES, { name: '[Content_Types].xml' })
  archive.append(ROOT_RELS, { name: '_rels/.rels' })
  archive.append(WORKBOOK, { name: 'xl/workbook.xml' })
  archive.append(WORKBOOK_RELS, { name: 'xl/_rels/workbook.xml.rels' })
  archive.append(sheet, { name: 'xl/worksheets/sheet1.xml' })
  await archive.finalize()
  await done
  return Buffer.concat(chunks)
}

/** `count` rows of a few empty cells each, as a stream (a sheet far larger than its zip). */
export function manyRows(header: string[], count: number): Readable {
  let n = 1
  const head = sheetXml([header]).replace('</sheetData></worksheet>', '')
  return Readable.from(
    (function* () {
      yield head
      while (n < count) {
        let chunk = ''
        for (let i = 0; i < 2000 && n < count; i++, n++) chunk += '<row><c/><c/><c/></row>'
        yield chunk
      }
      yield '</sheetData></worksheet>'
    })(),
  )
}
