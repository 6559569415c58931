'use client'
import { useGolT } from '../i18n/useGolT'
import ui from '../shared/ui.module.scss'
import { Field, type StepProps } from './Field'
import css from './wizard.module.scss'

/** Step 1 "Nome do Perfil". */
export function NameStep({ draft, errors, update }: StepProps) {
  const t = useGolT()
  return (
    <Field label={t('gol:name')} htmlFor="profile-name" message={errors.name}>
      <input id="profile-name" className={`${ui.input} ${css.nameInput}`} value={draft.name} maxLength={120} onChange={(e) => update({ name: e.target.value })} />
    </Field>
  )
}
