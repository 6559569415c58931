import type { CollectionConfig } from 'payload'
import { accessFor } from '../../access/policy'
import { label } from '../../lib/i18n'

/** E-mails kept locally when no SMTP server is configured (SMTP_URL unset). Support reads them. */
export const Outbox: CollectionConfig = {
  slug: 'outbox',
  labels: { singular: label('E-mail', 'E-mail'), plural: label('Caixa de saída', 'Outbox') },
  admin: { useAsTitle: 'subject', defaultColumns: ['createdAt', 'to', 'subject'] },
  defaultSort: '-createdAt',
  access: accessFor('outbox'),
  fields: [
    { name: 'to', type: 'text', required: true, index: true, label: label('Para', 'To') },
    { name: 'from', type: 'text', label: label('De', 'From') },
    { name: 'subject', type: 'text', label: label('Assunto', 'Subject') },
    { name: 'text', type: 'textarea', label: label('Texto', 'Text') },
    { name: 'html', type: 'textarea', label: label('HTML', 'HTML') },
  ],
}
