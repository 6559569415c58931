/**
 * GET /api/spend-caps/summary?scope=line|department|company&id=… (issue 15): what the line,
 * department or company cost beyond the franchises in its latest cycles, and its caps with the
 * money used and left this cycle. Whoever may read that line, department or company (its
 * collection's access, src/access/policy.ts) may read it; otherwise 404.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { cycleFor } from '../engine/core'
import { actorOf } from '../access/policy'
import type { Company, Department, Line } from '../payload-types'
import { fieldError, json, messageBody, type FieldError } from '../engine/answers'
import { capBookOf, type CapKind } from './capBook'
import { readMoneyByCycle, readMoneyUsed } from './moneyUsed'

const COLLECTION: Record<CapKind, 'lines' | 'departments' | 'companies'> = { line: 'lines', department: 'departments', company: 'companies' }

async function summary(req: PayloadRequest): Promise<Response> {
  const user = actorOf(req)
  if (!user) return json(messageBody('Não autenticado'), 401)
  const url = new URL(req.url ?? 'http://x/')
  const scope = url.searchParams.get('scope') as CapKind | null
  const id = url.searchParams.get('id')
  const errors: FieldError[] = []
  if (!scope || !(scope in COLLECTION)) errors.push(fieldError('scope', 'Use line, department ou company'))
  if (!id) errors.push(fieldError('id', 'Informe o id'))
  if (errors.length) return json({ errors, fields: errors }, 400)
  const doc: Line | Department | Company | null = await req.payload.findByID({ collection: COLLECTION[scope!], id: id!, depth: 0, overrideAccess: false, user: req.user, req }).catch(() => null)
  if (!doc) return json(messageBody('Não encontrado'), 404)
  const companyId = 'company' in doc ? (typeof doc.company === 'object' ? doc.company.id : doc.company) : doc.id
  const company = await req.payload.findByID({ collection: 'companies', id: companyId, depth: 0, overrideAccess: true })
  const cycle = cycleFor(new Date(), Number(company.renewalDay) || 1)
  const target = { kind: scope!, target: String(doc.id) }
  const caps = (await capBookOf(req.payload).ofCompany(companyId)).filter((c) => c.kind === scope && c.target === String(doc.id))
  const cycles = await readMoneyByCycle(req.payload, target)
  const current = cycles.find((c) => c.cycle === cycle.key)?.cents ?? (await readMoneyUsed(req.payload, target, cycle.key))
  return json({
    scope,
    id: String(doc.id),
    cycle: cycle.key,
    cost: current,
    cycles,
    caps: caps.map((c) => ({ id: c.id, name: c.name, control: c.control, amount: c.cents, used: current, left: Math.max(0, c.cents - current), percent: c.cents > 0 ? Math.round((current / c.cents) * 1000) / 10 : null })),
    units: 'centavos',
  })
}

export const spendEndpoints: Endpoint[] = [{ path: '/summary', method: 'get', handler: summary }]
