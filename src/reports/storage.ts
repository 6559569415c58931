import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { DATA_DIR, reportsDirSetting } from '../lib/settings'

/** Where generated reports are kept: GOL_REPORTS_DIR, or ./data/reports. A worker process must see the same directory. */
export const reportsDir = (): string => path.resolve(reportsDirSetting() || path.join(DATA_DIR, 'reports'))

const SAFE_SEGMENT = /^[\w-][\w.-]*$/

/**
 * A report's file, relative to reportsDir: `<company id>/<report id>.<xlsx|csv.zip>`, made of
 * server-made ids only (the report's name is display text and never part of a path).
 */
export function reportFileName(report: { id: string | number; company: string | number; format?: string | null }): string {
  return `${String(report.company)}/${String(report.id)}.${report.format === 'csv' ? 'csv.zip' : 'xlsx'}`
}

/** Absolute path of a stored report file: exactly `<company>/<file>` under reportsDir, nothing else. */
export function reportPath(relative: string): string {
  const dir = reportsDir()
  const segments = relative.split('/')
  if (segments.length !== 2 || !segments.every((s) => SAFE_SEGMENT.test(s) && !s.includes('..'))) throw new Error('caminho de relatório inválido')
  const full = path.resolve(dir, relative)
  if (!full.startsWith(dir + path.sep)) throw new Error('caminho de relatório inválido')
  return full
}

/** reportPath, or null for a path that is not a report file's. */
export function safeReportPath(relative: string): string | null {
  try {
    return reportPath(relative)
  } catch {
    return null
  }
}

export async function removeReportFile(relative: unknown): Promise<void> {
  const file = typeof relative === 'string' && relative ? safeReportPath(relative) : null
  if (file) await rm(file, { force: true })
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
