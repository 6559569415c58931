import type { DocumentViewServerProps } from 'payload'
import { Gutter } from '@payloadcms/ui'
import { actorOf, POLICIES, scopeOf } from '../../access/policy'
import { idOf } from '../../domain/ids'
import { currentCompany } from '../shared/server'
import ui from '../shared/ui.module.scss'
import { ProfileWizard } from './ProfileWizard'

/**
 * The Profiles collection's edit view (create and edit): the four-step editor of the
 * carrier guide instead of Payload's generic form, then the profile's lines.
 */
export async function ProfileEditView({ doc, initPageResult }: DocumentViewServerProps) {
  const { req } = initPageResult
  const company = doc?.company != null ? idOf(doc.company) : ((await currentCompany(req.payload, req.user))?.id ?? null)
  const plain = doc?.id != null ? { id: doc.id, name: doc.name, lists: doc.lists, calendar: doc.calendar, limits: doc.limits, company } : null
  // The roles table decides (src/access/policy.ts): who may not update profiles reads the wizard only.
  const readOnly = scopeOf(POLICIES.profiles, doc?.id != null ? 'update' : 'create', actorOf(req)) === 'none'
  return (
    <Gutter>
      <div className={ui.page}>
        <ProfileWizard id={plain?.id} doc={plain} company={company} readOnly={readOnly} />
      </div>
    </Gutter>
  )
}

export default ProfileEditView
