import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { DATA_DIR } from '../lib/settings'

/** Where generated reports are kept: GOL_REPORTS_DIR, or ./data/reports. A worker process must see the same directory. */
export const reportsDir = (): string => path.resolve(process.env.GOL_REPORTS_DIR || path.join(DATA_DIR, 'reports'))

/** Absolute path of a stored report file (the document keeps it relative to reportsDir). */
export function reportPath(relative: string): string {
  const dir = reportsDir()
  const full = path.resolve(dir, relative)
  if (!full.startsWith(dir + path.sep)) throw new Error('caminho de relatório inválido')
  return full
}

export async function removeReportFile(relative: unknown): Promise<void> {
  if (typeof relative === 'string' && relative) await rm(reportPath(relative), { force: true })
}

/** Temporary `.part` files left by a process that died while writing, older than `olderThanMs`. */
export async function removeOrphanParts(olderThanMs: number): Promise<number> {
  let removed = 0
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
    for (const e of entries) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) await walk(full)
      else if (e.name.endsWith('.part') && Date.now() - (await stat(full)).mtimeMs > olderThanMs) {
        await rm(full, { force: true })
        removed++
      }
    }
  }
  await walk(reportsDir())
  return removed
}
