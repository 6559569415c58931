import { STATES, isValidDdd } from '../../domain/ddd'
import { dateField } from '../../fields/identifiers'
import { label } from '../../lib/i18n'
import { tenantCollection } from '../tenantCollection'

/** Holidays of a company's calendar: by DDD, by state, or national when neither is set (F). */
export const Holidays = tenantCollection({
  slug: 'holidays',
  labels: { singular: label('Feriado', 'Holiday'), plural: label('Feriados', 'Holidays') },
  admin: { useAsTitle: 'name', defaultColumns: ['date', 'name', 'ddd', 'state'] },
  defaultSort: 'date',
  fields: [
    { ...dateField('date', 'Data', 'Date'), required: true, index: true },
    { name: 'name', type: 'text', required: true, label: label('Nome', 'Name'), maxLength: 80 },
    {
      name: 'ddd',
      type: 'number',
      label: label('DDD', 'Area code (DDD)'),
      validate: (v: unknown, { data }: { data?: { state?: string | null } }) => {
        if (v == null) return true
        if (!isValidDdd(v as number)) return `DDD ${String(v)} não existe`
        return data?.state ? 'Informe DDD ou Estado, não ambos' : true
      },
    },
    {
      name: 'state',
      type: 'select',
      label: label('Estado', 'State'),
      options: STATES.map((s) => ({ label: s, value: s })),
    },
  ],
})
