import type { CollectionConfig } from 'payload'
import { nobody } from '../../access/tenant'
import { label } from '../../lib/i18n'

/**
 * Temporary passwords of pending recoveries (A3). The user's password stays until the
 * temporary one is used (src/auth/recovery.ts), so a stranger asking for a recovery ends
 * nobody's session. Only the hash is kept. Closed to every interface.
 */
export const PasswordRecoveries: CollectionConfig = {
  slug: 'password-recoveries',
  labels: { singular: label('Recuperação de senha', 'Password recovery'), plural: label('Recuperações de senha', 'Password recoveries') },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  graphQL: false,
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'hash', type: 'text', required: true },
    { name: 'salt', type: 'text', required: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
