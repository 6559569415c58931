/**
 * Line snapshots, cached per company and invalidated by collection hooks (see ../hooks.ts): a
 * saved profile, line, holiday, offer, transfer or company applies to the next decision (E3).
 *
 * The first time one of a company's lines is asked for, the whole company is read in a few
 * queries (./companyLines.ts); its lines' snapshots are then compiled on first use, in memory.
 * Invalidation is per company and as narrow as the change: a line's row, the company's
 * franchises, or its facts (settings, holidays, profiles, pools) are read again on the next use.
 * The cache holds at most ENGINE_SNAPSHOT_MAX_LINES lines (default 2 000 000): past it, the
 * companies used least recently are dropped (and read again when next used).
 */
import type { Payload } from 'payload'
import { engineSnapshotMaxLines } from '../../lib/settings'
import { compileOperators, type OperatorIndex } from '../core'
import { CompanyLines, companiesOfMsisdns, findAll, idOf, type Doc, type Id, type LineSnapshot } from './companyLines'

export type { LineSnapshot } from './companyLines'

/** MSISDNs looked up per query by preload. */
const PRELOAD_CHUNK = 5_000

const maxLines = engineSnapshotMaxLines

/** A company being read (`loading`) or read (`state`). */
interface Entry {
  loading: Promise<CompanyLines | null>
  state?: CompanyLines
}

/** Per Payload instance: the compiled operator index and the companies' lines. */
export class SnapshotCache {
  private companies = new Map<string, Entry>()
  /** Which company each known MSISDN belongs to (a hint: the company's own rows decide). */
  private companyOfMsisdn = new Map<string, string>()
  private operators: Promise<OperatorIndex> | null = null
  /** The operator index `operators` resolved to (null while it loads or after a change). */
  private operatorsRead: OperatorIndex | null = null

  constructor(private readonly payload: Payload) {}

  private operatorIndex(): Promise<OperatorIndex> {
    const found = (this.operators ??= (async () => {
      const [prefixes, ported] = await Promise.all([findAll(this.payload, 'operator-prefixes', {}), findAll(this.payload, 'ported-numbers', {})])
      return compileOperators({
        prefixes: prefixes.map((p) => ({ prefix: String(p.prefix), operator: p.operator })),
        portability: ported.map((p) => ({ msisdn: String(p.msisdn), operator: p.operator })),
      })
    })())
    found.then(
      (index) => {
        if (this.operators === found) this.operatorsRead = index
      },
      () => {
        if (this.operators === found) this.operators = null
      },
    )
    return found
  }

  /** The company's lines, read in bulk on first use (null: no such company). */
  private async company(companyId: Id): Promise<CompanyLines | null> {
    const key = String(companyId)
    let entry = this.companies.get(key)
    if (!entry) {
      const loading = CompanyLines.load(this.payload, companyId)
      const created: Entry = { loading }
      this.companies.set(key, (entry = created))
      loading.then(
        (state) => {
          if (this.companies.get(key) !== created) return // invalidated while loading: not kept
          if (!state) return void this.companies.delete(key)
          created.state = state
          for (const m of state.msisdns()) this.companyOfMsisdn.set(m, key)
          this.bound(key)
        },
        () => {
          if (this.companies.get(key) === created) this.companies.delete(key)
        },
      )
    }
    const state = await entry.loading
    await state?.fresh()
    return state
  }

  /** Drops the companies used least recently while the cache holds more lines than allowed. */
  private bound(keep: string) {
    const warm = [...this.companies.values()].flatMap((e) => (e.state ? [e.state] : []))
    let total = warm.reduce((sum, s) => sum + s.size, 0)
    if (total <= maxLines()) return
    warm.sort((a, b) => a.lastUsed - b.lastUsed)
    for (const s of warm) {
      if (total <= maxLines()) break
      if (String(s.id) === keep) continue
      this.companies.delete(String(s.id))
      for (const m of s.msisdns()) if (this.companyOfMsisdn.get(m) === String(s.id)) this.companyOfMsisdn.delete(m)
      total -= s.size
    }
  }

  /** Ids of a company's lines when it is held (null otherwise). */
  lineIdsOf(companyId: Id): Id[] | null {
    return this.companies.get(String(companyId))?.state?.lineIds() ?? null
  }

  /** The line with this MSISDN, or null when none. */
  async byMsisdn(msisdn: string): Promise<LineSnapshot | null> {
    const hint = this.companyOfMsisdn.get(msisdn)
    if (hint !== undefined) {
      const held = this.heldLine(hint, msisdn)
      if (held) return held
      const found = await this.inCompany(hint, msisdn)
      if (found) return found
    }
    const company = (await companiesOfMsisdns(this.payload, [msisdn])).get(msisdn)
    if (company === undefined) return null
    this.companyOfMsisdn.set(msisdn, company)
    return this.inCompany(company, msisdn)
  }

  /**
   * The line from what is held, without waiting on anything: its company read and fresh, the
   * operator index read (a warm line's answer then costs no promise chain). Null otherwise.
   */
  private heldLine(companyId: string, msisdn: string): LineSnapshot | null {
    const state = this.companies.get(companyId)?.state
    if (!state || !this.operatorsRead || !state.isFresh()) return null
    return state.lineByMsisdn(msisdn, this.operatorsRead)
  }

  private async inCompany(companyId: string, msisdn: string): Promise<LineSnapshot | null> {
    const [state, operators] = await Promise.all([this.company(companyId), this.operatorIndex()])
    return state ? state.lineByMsisdn(msisdn, operators) : null
  }

  /**
   * Reads, in a few queries, the companies of the lines among `msisdns` not known yet (a usage
   * batch names hundreds of lines). Answers once every load has settled; one that failed is
   * simply not cached.
   */
  async preload(msisdns: Iterable<string>): Promise<void> {
    const all = [...new Set(msisdns)]
    const unknown = all.filter((m) => !this.companyOfMsisdn.has(m))
    for (let i = 0; i < unknown.length; i += PRELOAD_CHUNK) {
      for (const [m, c] of await companiesOfMsisdns(this.payload, unknown.slice(i, i + PRELOAD_CHUNK))) this.companyOfMsisdn.set(m, c)
    }
    const companies = new Set(all.map((m) => this.companyOfMsisdn.get(m)).filter((c): c is string => c !== undefined))
    await Promise.allSettled([this.operatorIndex(), ...[...companies].map((c) => this.company(c))])
  }

  /** Forget what a change in `collection` may have made stale. */
  invalidate(collection: string, doc: Doc | null | undefined, previous?: Doc | null): void {
    if (collection === 'operator-prefixes' || collection === 'ported-numbers') {
      this.operators = null
      this.operatorsRead = null
      for (const e of this.companies.values()) e.state?.operatorsChanged()
      return
    }
    const changed = [doc, previous].filter((d): d is Doc => Boolean(d))
    const companies = new Set<string>()
    for (const d of changed) {
      const company = collection === 'companies' ? d.id : idOf(d.company)
      if (company !== undefined) companies.add(String(company))
    }
    if (companies.size === 0) return this.clear()
    for (const c of companies) {
      const entry = this.companies.get(c)
      if (!entry) continue
      // Still loading: it may have read the old data; the next use reads again.
      if (!entry.state) {
        this.companies.delete(c)
        continue
      }
      const state = entry.state
      if (collection === 'lines') {
        for (const d of changed) {
          state.lineChanged(d.id)
          if (d.msisdn != null && this.companyOfMsisdn.get(String(d.msisdn)) === c) this.companyOfMsisdn.delete(String(d.msisdn))
        }
      } else if (collection === 'transfers' || (collection === 'offers' && changed.every((d) => d.kind !== 'shared'))) {
        state.franchisesChanged()
      } else {
        // The company, its holidays, profiles or an account's pool (shared offers).
        state.factsChanged()
        if (collection === 'offers') state.franchisesChanged()
      }
    }
  }

  clear(): void {
    this.companies.clear()
    this.companyOfMsisdn.clear()
  }
}
