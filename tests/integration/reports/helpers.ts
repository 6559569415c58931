import ExcelJS from 'exceljs'
import { REST_GET } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'
import yauzl from 'yauzl'

/** A GET through the REST handler, keeping the body as bytes (downloads). */
export async function getRaw(config: SanitizedConfig, path: string, token: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const url = new URL(`http://localhost/api${path}`)
  const req = new Request(url, { headers: { authorization: `JWT ${token}` } })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const res = await REST_GET(Promise.resolve(config))(req, { params: Promise.resolve({ slug }) })
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) }
}

export type Table = (string | number)[][]

/** Every row of the first sheet (header included), cells as plain values. */
export async function readXlsx(buffer: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as never)
  const sheet = workbook.worksheets[0]
  const rows: Table = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    // row.values is 1-based and sparse (an empty cell is a hole): Array.from fills the holes.
    rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v == null ? '' : (v as string | number))))
  })
  const width = rows[0]?.length ?? 0
  return rows.map((r) => [...r, ...Array(Math.max(0, width - r.length)).fill('')])
}

/** The single CSV inside a zip, parsed (`;`-separated, BOM, quoted cells). */
export async function readCsvZip(buffer: Buffer): Promise<{ name: string; rows: string[][] }> {
  const { name, text } = await new Promise<{ name: string; text: string }>((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err)
      zip.readEntry()
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => resolve({ name: entry.fileName, text: Buffer.concat(chunks).toString('utf8') }))
        })
      })
      zip.on('error', reject)
    })
  })
  return { name, rows: parseCsv(text.replace(/^\uFEFF/, '')) }
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ';') endCell()
    else if (c === '\n') {
      endCell()
      rows.push(row)
      row = []
    } else if (c !== '\r') cell += c
  }
  if (cell || row.length) {
    endCell()
    rows.push(row)
  }
  return rows
}

const SP = new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
/** Independent of the app's formatter: Intl's São Paulo clock → ['dd/mm/aaaa', 'hh:mm:ss']. */
export function spParts(iso: string): [string, string] {
  const p = Object.fromEntries(SP.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))
  return [`${p.day}/${p.month}/${p.year}`, `${p.hour}:${p.minute}:${p.second}`]
}
