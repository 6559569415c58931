'use client'
import type { DocumentViewClientProps } from 'payload'
import { DefaultEditView, DocumentInfoProvider, EmailAndUsernameFields, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useGolT } from '../i18n/useGolT'

type EmailAndUsernameProps = Parameters<typeof EmailAndUsernameFields>[0]

/**
 * I: the create form asks no password. The server gives a user created without one a temporary
 * password, e-mailed to it (src/collections/Users/hooks/temporaryPassword.ts). Payload's edit view
 * shows its auth block (login, e-mail, and the new password required on create) unless the document
 * carries its own `BeforeFields`: on create this view supplies one with the login and e-mail fields
 * and a note instead of the password; on edit it is Payload's view as is ("Mudar senha").
 */
export function UserEditView(props: DocumentViewClientProps) {
  const info = useDocumentInfo()
  if (info.id != null) return <DefaultEditView {...props} />
  return (
    <DocumentInfoProvider {...info} BeforeFields={<CreateUserAuthFields />}>
      <DefaultEditView {...props} />
    </DocumentInfoProvider>
  )
}

function CreateUserAuthFields() {
  const { docPermissions, hasSavePermission, collectionSlug } = useDocumentInfo()
  const { getEntityConfig } = useConfig()
  const { t } = useTranslation()
  const golT = useGolT()
  const config = getEntityConfig({ collectionSlug })
  const auth = config && 'auth' in config ? config.auth : undefined
  return (
    <div className="auth-fields">
      <EmailAndUsernameFields
        loginWithUsername={auth?.loginWithUsername}
        operation="create"
        permissions={docPermissions?.fields}
        readOnly={!hasSavePermission}
        t={t as EmailAndUsernameProps['t']}
      />
      <p className="gol-temporary-password-note" data-testid="temporary-password-note">{golT('gol:temporaryPasswordNote')}</p>
    </div>
  )
}

export default UserEditView
