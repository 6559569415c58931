import { Gutter } from '@payloadcms/ui'
import type { Payload } from 'payload'
import { langOf } from '../shared/lang'
import { countAs, currentCompany, viewer } from '../shared/server'
import { GROUPS, type GroupKind } from './kinds'
import { LineGroupsTable, type GroupRow } from './LineGroupsTable'

type ListPage = { docs?: Record<string, unknown>[]; totalDocs?: number; page?: number; totalPages?: number }
/** What Payload hands a list's beforeList component; `data` is the page of the list below it. */
type Props = { payload: Payload; user?: unknown; i18n?: { language?: string }; data?: ListPage; searchParams?: Record<string, string | string[] | undefined> }

/** Groups per page when the list's own page is not at hand, as the guide's "Exibindo 100". */
const PAGE_SIZE = 100

async function LineGroups({ kind, payload, user, i18n, data, searchParams }: Props & { kind: GroupKind }) {
  if (!user) return null
  const company = await currentCompany(payload, user)
  if (!company) return null
  const g = GROUPS[kind]
  const inCompany = { company: { equals: company.id } }
  // The page the list below shows (its paging, filters and sort), so every group is reachable; else one page of our own.
  const page = Math.max(1, Number(searchParams?.page) || 1)
  const groups: ListPage & { docs: Record<string, unknown>[] } = data?.docs
    ? { ...data, docs: data.docs }
    : ((await payload.find({ collection: g.collection, where: inCompany, depth: 0, limit: PAGE_SIZE, page, sort: 'name', overrideAccess: false, user: viewer(user) })) as unknown as ListPage & {
        docs: Record<string, unknown>[]
      })
  const [without, counts] = await Promise.all([
    countAs(payload, user, 'lines', { and: [inCompany, { [g.field]: { exists: false } }] }),
    Promise.all(groups.docs.map((d) => countAs(payload, user, 'lines', { and: [inCompany, { [g.field]: { equals: d.id } }] }))),
  ])
  const rows: GroupRow[] = groups.docs.map((d, i) => {
    const doc = d as unknown as { id: string | number; name: string; updatedAt?: string }
    return { id: doc.id, name: doc.name, updatedAt: doc.updatedAt ?? null, lines: counts[i] }
  })
  return (
    <Gutter>
      <LineGroupsTable
        kind={kind}
        lang={langOf(i18n)}
        companyId={company.id}
        without={without}
        rows={rows}
        canWrite={['admin', 'support'].includes(String((user as { role?: string }).role))}
        paging={{ page: groups.page ?? 1, totalPages: groups.totalPages ?? 1, totalDocs: groups.totalDocs ?? rows.length }}
      />
    </Gutter>
  )
}

/** Departments list (D): line counts, "Linhas sem departamento", view, add lines, edit, delete. */
export function DepartmentLineCounts(props: Props) {
  return <LineGroups kind="departments" {...props} />
}

/** Profiles list (E1): last modified, line counts, "Linhas sem perfil", view, add lines, edit, delete. */
export function ProfileLineCounts(props: Props) {
  return <LineGroups kind="profiles" {...props} />
}
