import type { Payload } from 'payload'

type Id = string | number

/** What a report job knows: the company, the department scope (empty = all) and the filters. */
export interface ReportScope {
  payload: Payload
  company: Id
  departments: Id[]
  params: Record<string, any>
}
