import type { CollectionConfig } from 'payload'
import { AuthenticationError } from 'payload'
import { accessFor, actorOf } from '../../access/policy'
import { ROLE_LABELS, selectedCompanyWhere } from '../../access/roles'
import { companiesFieldUpdate, departmentsFieldUpdate, guardCredentials, guardUserChange, guardUserDelete, roleFieldCreate, roleFieldUpdate, unlockAccess } from './access'
import { closedAuthEndpoints, guardBuiltInAuth } from '../../auth/builtInAuth'
import { authEndpoints } from './endpoints/auth'
import { emailTemporaryPassword, temporaryPasswordOnCreate } from './hooks/temporaryPassword'
import { selectField } from '../../fields/common'
import { cpfField, msisdnField } from '../../fields/identifiers'
import { label } from '../../lib/i18n'

/** People who use the back-office (I). The login is the CPF (A1). */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('Usuário', 'User'), plural: label('Usuários', 'Users') },
  auth: {
    loginWithUsername: { allowEmailLogin: false, requireEmail: true, requireUsername: true },
    useAPIKey: true,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: {
    useAsTitle: 'username',
    defaultColumns: ['firstName', 'lastName', 'username', 'role', 'email'],
    // Support reaches every company's users: once it selected a company, the list keeps to that one's.
    baseFilter: ({ req }) => selectedCompanyWhere(actorOf(req), 'companies'),
    // The create form asks no password: the server e-mails a temporary one (hooks/temporaryPassword.ts).
    components: { views: { edit: { default: { Component: '/src/admin/users/UserEditView#UserEditView' } } } },
  },
  access: { ...accessFor('users'), unlock: unlockAccess },
  hooks: {
    // Payload's one-step login, forgot/reset password and refresh of a blocked user are closed (src/auth/builtInAuth.ts).
    beforeOperation: [guardBuiltInAuth],
    beforeValidate: [temporaryPasswordOnCreate],
    beforeChange: [guardUserChange, guardCredentials],
    beforeDelete: [guardUserDelete],
    afterChange: [emailTemporaryPassword],
    // A blocked user cannot log in by any path (its existing tokens are refused in src/access/policy.ts).
    beforeLogin: [
      ({ user, req }) => {
        if ((user as { blocked?: boolean }).blocked) throw new AuthenticationError(req.t)
        return user
      },
    ],
  },
  // Login with an e-mailed code, recovery, password change, company selection (SPEC A).
  endpoints: [...authEndpoints, ...closedAuthEndpoints],
  fields: [
    // Merged over Payload's own username field: the login is a CPF, digits only.
    { ...cpfField('username', 'Login (CPF)', 'Login (CPF)'), required: true, unique: true, index: true },
    { name: 'firstName', type: 'text', required: true, label: label('Nome', 'First name'), maxLength: 60 },
    { name: 'lastName', type: 'text', required: true, label: label('Sobrenome', 'Last name'), maxLength: 80 },
    { ...msisdnField('phone', 'Telefone', 'Phone') },
    {
      ...selectField('role', 'Perfil de Gestão', 'Management role', ROLE_LABELS, { required: true, defaultValue: 'viewer', saveToJWT: true }),
      access: { create: roleFieldCreate, update: roleFieldUpdate },
    },
    {
      name: 'companies',
      type: 'relationship',
      relationTo: 'companies',
      hasMany: true,
      saveToJWT: true,
      access: { update: companiesFieldUpdate },
      label: label('Empresas', 'Companies'),
      validate: (v: unknown, { siblingData }: { siblingData?: { role?: string } }) =>
        siblingData?.role !== 'support' && (!Array.isArray(v) || v.length === 0)
          ? 'Informe ao menos uma empresa'
          : true,
    },
    {
      name: 'departments',
      type: 'relationship',
      relationTo: 'departments',
      hasMany: true,
      saveToJWT: true,
      access: { update: departmentsFieldUpdate },
      label: label('Departamentos', 'Departments'),
      admin: { condition: (data) => data?.role === 'subadmin' || data?.role === 'viewer' },
    },
    {
      name: 'mustChangePassword',
      type: 'checkbox',
      defaultValue: false,
      label: label('Senha temporária', 'Temporary password'),
      // The server's (a password set by someone else, a recovery; cleared by the user's own change): never written through the API.
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'selectedCompany',
      type: 'relationship',
      relationTo: 'companies',
      label: label('Empresa selecionada', 'Selected company'),
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'transactionsLink',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/admin/users/UserTransactionsLink#UserTransactionsLink' } },
    },
    { name: 'blocked', type: 'checkbox', defaultValue: false, access: { update: departmentsFieldUpdate }, label: label('Bloqueado', 'Blocked'), admin: { position: 'sidebar', description: 'Um usuário bloqueado não entra e os seus tokens deixam de valer.', components: { Field: '/src/admin/users/UserStatusField#UserStatusField' } } },
  ],
}
