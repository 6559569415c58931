import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Snapshot } from '../../../src/collections/Backups/snapshot/categories'
import { RestoreAborted, SimulatedCrash, sweepRestores, type RestoreProbe, type Step } from '../../../src/jobs/restore/run'
import { startTestApp, type TestApp } from '../../helpers/app'
import { makeWorld, PASSWORD, type World } from '../../helpers/world'
import { backupOf, CATEGORIES, create, enrich, everything, MUTATIONS, remove, restore, runQueue, snapshot, update, type Extra } from './fixtures'
import { generateCpf } from '../../../src/validation/generate'

let app: TestApp
let world: World
let xa: Extra

beforeAll(async () => {
  app = await startTestApp()
  world = await makeWorld(app.payload)
  xa = await enrich(app.payload, world.a, 'A')
  await enrich(app.payload, world.b, 'B')
})
afterAll(async () => app?.close())

describe.each(CATEGORIES)('category %s', (category) => {
  it('changes, additions and deletions after a backup are undone field by field', async () => {
    const { payload } = app
    const backup = await backupOf(payload, world.a.company.id, category)
    expect(backup.name).toMatch(/^(assinantes|gerais|claro_pos|perfil|oferta-compartilhada|departamento|usuarios)_\d{14}$/)
    expect(backup.itemCount).toBeGreaterThan(0)
    await MUTATIONS[category](payload, world, world.a, xa)
    const changed = await snapshot(payload, world.a.company.id, category)
    expect(changed).not.toEqual(backup.data)

    const done = await restore(payload, backup)
    expect(done.failed, JSON.stringify(done.failed)).toEqual([])
    expect(done.status).toBe('success')
    expect(done.appliedCount).toBeGreaterThanOrEqual(3)
    const after = await snapshot(payload, world.a.company.id, category)
    for (const [kind, items] of Object.entries(backup.data.sources as Record<string, unknown[]>)) {
      expect(after.sources[kind], kind).toEqual(items)
    }
    expect(after).toEqual(backup.data)
    // J4: every restored item is in the transaction history.
    const entries = await payload.find({ collection: 'transactions', where: { and: [{ company: { equals: world.a.company.id } }, { description: { like: 'Restauração do Backup' } }] }, pagination: false, overrideAccess: true })
    expect(entries.docs.filter((d: any) => done.applied.some((i: any) => String(i.id) === d.entityId)).length).toBeGreaterThanOrEqual(done.appliedCount)
  })
})

/** A probe that makes the `index`-th item of the restore it is given to fail after its writes, before its commit. */
function failAt(index: number, error: Error): { step?: Step; probe: RestoreProbe } {
  const hit: { step?: Step; probe: RestoreProbe } = {
    probe: {
      afterWrite: (step, i) => {
        if (i !== index) return
        hit.step = step
        throw error
      },
    },
  }
  return hit
}

/**
 * No item is half-restored: the one that failed is exactly as before the restore; every
 * other is as in the backup (allRestored) or, when the run stopped, as in one of the two.
 */
function expectWholeItems(now: Snapshot, saved: Snapshot, before: Snapshot, kind: string, failedId: unknown, { allRestored }: { allRestored: boolean }) {
  const find = (s: Snapshot, id: string) => s.sources[kind].find((i) => String(i.id) === id)
  const ids = new Set([...saved.sources[kind], ...before.sources[kind], ...now.sources[kind]].map((i) => String(i.id)))
  for (const id of ids) {
    const item = find(now, id)
    if (id === String(failedId)) expect(item, `item ${id} untouched`).toEqual(find(before, id))
    else if (allRestored) expect(item, `item ${id} restored`).toEqual(find(saved, id))
    else expect([find(saved, id), find(before, id)], `item ${id} whole`).toContainEqual(item)
  }
}

describe('restores that fail half-way', () => {
  it('a crash inside the 2nd item rolls that item back entirely; the others are restored; the result is partial with the reason', async () => {
    const { payload } = app
    const backup = await backupOf(payload, world.a.company.id, 'departments')
    const before = await snapshot(payload, world.a.company.id, 'departments')
    await MUTATIONS.departments(payload, world, world.a, xa)
    const mutated = await snapshot(payload, world.a.company.id, 'departments')
    const hit = failAt(1, new Error('falha simulada no meio do item'))
    const done = await restore(payload, backup, hit.probe)
    expect(done.status).toBe('partial')
    expect(done.failed).toHaveLength(1)
    expect(done.failed[0].reason).toBe('falha simulada no meio do item')
    expect(String(done.failed[0].id)).toBe(String(hit.step!.id))
    const after = await snapshot(payload, world.a.company.id, 'departments')
    expectWholeItems(after, before, mutated, 'departments', hit.step!.id, { allRestored: true })
    // The failure's items can be restored by running the restore again.
    const again = await restore(payload, backup)
    expect(again.status).toBe('success')
    expect(await snapshot(payload, world.a.company.id, 'departments')).toEqual(backup.data)
  })

  it('a crash that stops the job leaves the rest untouched and marks the restore as error with reasons', async () => {
    const { payload } = app
    const backup = await backupOf(payload, world.a.company.id, 'general')
    await MUTATIONS.general(payload, world, world.a, xa)
    const mutated = await snapshot(payload, world.a.company.id, 'general')
    const abort: RestoreProbe = {
      afterWrite: () => {
        throw new RestoreAborted('processo encerrado')
      },
    }
    const done = await restore(payload, backup, abort)
    expect(done.status).toBe('error')
    expect(done.appliedCount).toBe(0)
    expect(done.failed[0].reason).toBe('processo encerrado')
    expect(done.failed.slice(1).every((f: any) => f.reason === 'Não executado: restauração interrompida (processo encerrado)')).toBe(true)
    expect(await snapshot(payload, world.a.company.id, 'general')).toEqual(mutated)
    expect((await restore(payload, backup)).status).toBe('success')
  })

  it('a process killed mid-restore: the item in flight is rolled back, the sweep queues the restore again and it completes', async () => {
    const { payload } = app
    const backup = await backupOf(payload, world.a.company.id, 'profiles')
    await MUTATIONS.profiles(payload, world, world.a, xa)
    const mutated = await snapshot(payload, world.a.company.id, 'profiles')
    const hit = failAt(1, new SimulatedCrash('processo encerrado (kill -9)'))
    const doc = await create(payload, 'restores', { backup: backup.id })
    await runQueue(payload, hit.probe)
    const stuck: any = await payload.findByID({ collection: 'restores', id: doc.id, depth: 0, overrideAccess: true })
    expect(stuck.status).toBe('running')
    const mid = await snapshot(payload, world.a.company.id, 'profiles')
    expectWholeItems(mid, backup.data, mutated, 'profiles', hit.step!.id, { allRestored: false })
    expect((await sweepRestores(payload)).requeued).toBe(0)
    expect((await sweepRestores(payload, new Date(Date.now() + 11 * 60_000))).requeued).toBe(1)
    await payload.jobs.run()
    const done: any = await payload.findByID({ collection: 'restores', id: doc.id, depth: 0, overrideAccess: true })
    expect(done.status).toBe('success')
    expect(await snapshot(payload, world.a.company.id, 'profiles')).toEqual(backup.data)
  })

  it('a line created after the backup that already has usage cannot be removed: partial, with the reason', async () => {
    const { payload } = app
    const backup = await backupOf(payload, world.a.company.id, 'subscribers')
    const line = await create(payload, 'lines', { company: world.a.company.id, account: world.a.account.id, msisdn: '5519981112222', name: 'Usada' })
    const usage = await create(payload, 'usage', { company: world.a.company.id, line: line.id, eventId: 'evt-restore-1', service: 'sms', category: 'sms.claro', at: new Date().toISOString(), units: 1 })
    await update(payload, 'lines', world.a.lines[0].id, { name: 'Outra' })
    const done = await restore(payload, backup)
    expect(done.status).toBe('partial')
    expect(done.failed).toEqual([
      expect.objectContaining({ id: line.id, action: 'delete', reason: 'O registro tem dados vinculados (por exemplo, uso registrado pela linha) e não pode ser alterado ou removido' }),
    ])
    expect((await payload.findByID({ collection: 'lines', id: line.id, depth: 0, overrideAccess: true }) as any).name).toBe('Usada')
    await remove(payload, 'usage', usage.id)
    expect((await restore(payload, backup)).status).toBe('success')
    expect(await snapshot(payload, world.a.company.id, 'subscribers')).toEqual(backup.data)
  })

  it('an item that cannot be put back (its lines are gone) fails alone, with the reason, and the rest is applied', async () => {
    const { payload } = app
    const backup = await backupOf(payload, world.a.company.id, 'departments')
    const victim = await create(payload, 'lines', { company: world.a.company.id, account: world.a.account.id, department: world.a.departments[0].id, msisdn: '5519981234567', name: 'Temporária' })
    const backup2 = await backupOf(payload, world.a.company.id, 'departments')
    await update(payload, 'departments', world.a.departments[1].id, { name: 'RH renomeado' })
    await remove(payload, 'lines', victim.id)
    const done = await restore(payload, backup2)
    expect(done.status).toBe('partial')
    expect(done.failed[0].reason).toContain('Linha(s) que não existem mais')
    expect(done.applied.map((i: any) => String(i.id))).toContain(String(world.a.departments[1].id))
    expect((await restore(payload, backup)).status).toBe('success')
  })
})

describe('restored items in the transaction history (J4), word for word', () => {
  it('general settings and holidays', async () => {
    const { payload } = app
    const backup = await backupOf(payload, world.a.company.id, 'general')
    await MUTATIONS.general(payload, world, world.a, xa)
    const done = await restore(payload, backup)
    expect(done.status).toBe('success')
    const found = await payload.find({
      collection: 'transactions',
      where: { and: [{ company: { equals: world.a.company.id } }, { description: { equals: 'Restauração do Backup geral' } }] },
      sort: '-id',
      limit: 5,
      depth: 0,
      overrideAccess: true,
    })
    // [Perfil de gestão, Usuário, Descrição (the action), Evento (the detail)]
    const lines = found.docs.reverse().map((d: any) => [d.role, d.userLogin, d.description, d.event])
    expect(lines).toEqual([
      ['Sistema', 'sistema', 'Restauração do Backup geral', 'A configuração para a empresa "Empresa A" foi restaurada: Fidelização de CSP de: 41 - TIM para: 21 - Claro/Embratel; Interromper a ligação ao atingir o limite definido de: Sim para: Não'],
      ['Sistema', 'sistema', 'Restauração do Backup geral', 'A configuração para o feriado "Dia das Crianças" foi removida (criada após o backup)'],
      ['Sistema', 'sistema', 'Restauração do Backup geral', 'A configuração para o feriado "Natal A" foi restaurada: Data de: 2026-12-24 para: 2026-12-25; Nome de: Natal alterado para: Natal A'],
      ['Sistema', 'sistema', 'Restauração do Backup geral', 'A configuração para o feriado "DIA DE RELAXAR A" foi recriada: Data: 2026-09-04; Nome: DIA DE RELAXAR A; DDD: 19'],
      ['Sistema', 'sistema', 'Restauração do Backup geral', `Restauração do backup ${String(backup.name)} concluída: Sucesso (4 aplicados, 0 com falha)`],
    ])
  })
})

describe('tenancy', () => {
  it('a restore in company A never touches company B', async () => {
    const { payload } = app
    // A user of both companies, attached to A after A's backup: the restore detaches it from A only.
    const usersBackup = await backupOf(payload, world.a.company.id, 'users')
    const both = await create(payload, 'users', {
      username: generateCpf(world.rng),
      email: 'ambas@example.com',
      password: PASSWORD,
      firstName: 'Ambas',
      lastName: 'Empresas',
      role: 'admin',
      companies: [world.b.company.id, world.a.company.id],
    })
    const bBefore = await everything(payload, world.b.company.id)
    expect((await restore(payload, usersBackup)).status).toBe('success')
    const kept: any = await payload.findByID({ collection: 'users', id: both.id, depth: 0, overrideAccess: true })
    expect(kept.companies.map(String)).toEqual([String(world.b.company.id)])
    for (const category of CATEGORIES) {
      const backup = await backupOf(payload, world.a.company.id, category)
      await MUTATIONS[category](payload, world, world.a, xa)
      const done = await restore(payload, backup)
      expect(done.status, `${category}: ${JSON.stringify(done.failed)}`).toBe('success')
      expect(await snapshot(payload, world.a.company.id, category)).toEqual(backup.data)
    }
    const bAfter = await everything(payload, world.b.company.id)
    // The shared user now belongs to B only, as before: B's content is exactly what it was.
    expect(bAfter).toEqual(bBefore)
  })

  it('a restore document cannot name a backup of another company', async () => {
    const { payload, rest } = app
    const { loginAs } = await import('../../helpers/world')
    const token = await loginAs(rest, payload, world.a.users.admin)
    const foreign = await backupOf(payload, world.b.company.id, 'departments')
    const res = await rest.post('/restores', { backup: foreign.id }, token)
    expect(res.status).toBe(403)
    const preview = await rest.get(`/backups/${String(foreign.id)}/preview`, token)
    expect(preview.status).toBe(404)
  })
})
