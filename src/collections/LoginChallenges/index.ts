import type { CollectionConfig } from 'payload'
import { nobody } from '../../access/tenant'
import { label } from '../../lib/i18n'

/**
 * Pending second-factor challenges (A2). Only hashes are stored: the challenge id is
 * kept as its SHA-256, the code as an HMAC keyed with the server secret. Closed to
 * every interface; the login endpoints use the Local API.
 */
export const LoginChallenges: CollectionConfig = {
  slug: 'login-challenges',
  labels: { singular: label('Desafio de login', 'Login challenge'), plural: label('Desafios de login', 'Login challenges') },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  graphQL: false,
  fields: [
    { name: 'challengeHash', type: 'text', required: true, unique: true, index: true },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true },
    { name: 'codeHash', type: 'text', required: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
    { name: 'attempts', type: 'number', required: true, defaultValue: 0 },
  ],
}
