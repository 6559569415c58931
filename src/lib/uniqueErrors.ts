/**
 * A unique identifier (MSISDN, ICCID, CPF, e-mail …) is unique across every company, so the
 * database adapters' "Value must be unique" told a company that another one holds a value.
 * The adapter's unique-violation errors are rewritten here to one neutral message, the same
 * whoever holds the value (the write is still refused, field by field) — for REST, GraphQL,
 * the admin and the Local API alike, since every write goes through the adapter.
 */
import { en } from '@payloadcms/translations/languages/en'
import { pt } from '@payloadcms/translations/languages/pt'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

export const UNAVAILABLE = 'Valor não disponível: verifique-o ou fale com o suporte'

const UNIQUE_MESSAGES = new Set([en.translations.error.valueMustBeUnique, pt.translations.error.valueMustBeUnique, 'Value must be unique'])
const WRITES = ['create', 'updateOne', 'updateMany', 'upsert'] as const

type FieldErrors = { data?: { errors?: { message?: string }[] } }

function neutralise(error: unknown): unknown {
  const list = (error as FieldErrors)?.data?.errors
  if (Array.isArray(list)) for (const e of list) if (e && UNIQUE_MESSAGES.has(String(e.message))) e.message = UNAVAILABLE
  return error
}

/** The adapter with its writes' unique-violation messages made neutral. */
export function neutralUniqueErrors(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  const init = adapterObj.init
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = init(args) as BaseDatabaseAdapter
      for (const name of WRITES) {
        const write = adapter[name] as ((...a: unknown[]) => Promise<unknown>) | undefined
        if (typeof write !== 'function') continue
        ;(adapter as unknown as Record<string, unknown>)[name] = async function (this: unknown, ...a: unknown[]) {
          try {
            return await write.apply(adapter, a)
          } catch (error) {
            throw neutralise(error)
          }
        }
      }
      return adapter
    },
  }
}
