'use client'
import { useCallback, useEffect, useState } from 'react'
import { api, whereQuery } from '../shared/api'
import { ConfirmButton, DeleteButton } from '../shared/ConfirmButton'
import { fmtDateTime, fmtNumber } from '../shared/format'
import { type Lang } from '../shared/lang'
import { Message } from '../shared/Message'
import { Progress } from '../shared/Progress'
import { SimpleTable } from '../shared/SimpleTable'
import { CategorySelect } from './CategorySelect'
import type { CategoryOption } from './common'
import { BACKUP_READY, BACKUP_STATUS, RESTORE_FINAL, RESTORE_ITEM_KINDS, RESTORE_STATUS, type BackupStatus } from '../../domain/backups'
import { labelOf } from '../../domain/labels'
import { statusColor, type RestoreDoc } from './labels'
import ui from '../shared/ui.module.scss'
import { useGolT } from '../i18n/useGolT'

interface BackupDoc {
  id: number | string
  name: string
  category: string
  status: BackupStatus
  itemCount?: number
  createdAt: string
}
interface Change {
  kind: string
  id: string | number
  title: string
  action: 'create' | 'update' | 'delete'
  changes: string[]
}
interface Preview {
  backup: BackupDoc
  create: number
  update: number
  delete: number
  totalChanges?: number
  changes: Change[]
}
type Note = { ok: boolean; text: string }

const LAST = 5
/** A list reads names, dates, counts and status only. */
const LIST_FIELDS = ['name', 'category', 'status', 'itemCount', 'createdAt'].map((f) => `select[${f}]=true`).join('&')
const POLL_MS = 2000
const ACTIONS = ['create', 'update', 'delete'] as const

/**
 * Backup e restauração (J1–J3, SPEC L). "1. Backup": tick one or several categories and
 * "Fazer backup" (confirmed; all or none). "2. Restaurar": per category its last five
 * backups with download, delete (confirmed) and "Pré-visualizar", which lists what a
 * restore would create, change and delete; "Restaurar" (confirmed) queues the restore and
 * this panel follows it until it ends, with the spreadsheets of what was applied and failed.
 */
export function BackupPanel({ companyId, categories, lang = 'pt' }: { companyId: number | string; categories: CategoryOption[]; lang?: Lang }) {
  const t = useGolT()
  const categoryName = (c: string) => categories.find((o) => o.value === c)?.label ?? c
  const [lists, setLists] = useState<Record<string, BackupDoc[]>>()
  const [loadError, setLoadError] = useState<string>()
  const [ticked, setTicked] = useState<string[]>([])
  const [backupNote, setBackupNote] = useState<Note>()
  const [shown, setShown] = useState('')
  const [listNote, setListNote] = useState<Note>()
  const [preview, setPreview] = useState<Preview>()
  const [previewing, setPreviewing] = useState<string | number>()
  const [restore, setRestore] = useState<{ doc: RestoreDoc; name: string; total: number }>()
  const [restoreNote, setRestoreNote] = useState<Note>()

  const load = useCallback(async () => {
    try {
      const entries = await Promise.all(
        categories.map(async ({ value }) => {
          const query = whereQuery({ company: { equals: companyId }, category: { equals: value } })
          const found = await api<{ docs: BackupDoc[] }>(`/backups?${query}&sort=-createdAt&limit=${LAST}&depth=0&${LIST_FIELDS}`)
          return [value, found.docs] as const
        }),
      )
      setLists(Object.fromEntries(entries))
      setLoadError(undefined)
    } catch (e) {
      setLoadError((e as Error).message)
    }
  }, [categories, companyId])

  useEffect(() => {
    void load()
  }, [load])

  // Backups are written by a background job: the lists follow them until they are done.
  const making = Object.values(lists ?? {}).some((docs) => docs.some((d) => !BACKUP_READY.includes(d.status) && d.status !== 'error'))
  useEffect(() => {
    if (!making) return
    const timer = setInterval(() => void load(), POLL_MS)
    return () => clearInterval(timer)
  }, [making, load])

  // Follows the queued restore until it is over (the job runs in the background).
  const restoreId = restore?.doc.id
  const restoreOver = restore ? RESTORE_FINAL.includes(restore.doc.status) : true
  useEffect(() => {
    if (restoreId == null || restoreOver) return
    const timer = setInterval(async () => {
      try {
        const doc = await api<RestoreDoc>(`/restores/${restoreId}?depth=0`)
        setRestore((r) => (r && r.doc.id === doc.id ? { ...r, doc } : r))
      } catch (e) {
        setRestoreNote({ ok: false, text: (e as Error).message })
      }
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [restoreId, restoreOver])

  const makeBackup = async () => {
    setBackupNote(undefined)
    try {
      const { docs } = await api<{ docs: BackupDoc[] }>('/backups/batch', { method: 'POST', body: { company: companyId, categories: ticked } })
      setBackupNote({ ok: true, text: `${t('gol:backupRequested')}: ${docs.map((d) => `${categoryName(d.category)} (${d.name})`).join(', ')}` })
      setTicked([])
      await load()
    } catch (e) {
      setBackupNote({ ok: false, text: `${t('gol:theBackupWasNotMade')}: ${(e as Error).message}` })
    }
  }

  const remove = async (b: BackupDoc) => {
    setListNote(undefined)
    try {
      await api(`/backups/${b.id}`, { method: 'DELETE' })
      if (preview?.backup.id === b.id) setPreview(undefined)
      setListNote({ ok: true, text: `${t('gol:backupDeleted')}: ${b.name}` })
      await load()
    } catch (e) {
      setListNote({ ok: false, text: `${t('gol:theBackup')} ${b.name} ${t('gol:wasNotDeleted')}: ${(e as Error).message}` })
    }
  }

  const showPreview = async (b: BackupDoc) => {
    setListNote(undefined)
    setPreviewing(b.id)
    try {
      const p = await api<Omit<Preview, 'backup'>>(`/backups/${b.id}/preview`)
      setPreview({ ...p, backup: b })
    } catch (e) {
      setListNote({ ok: false, text: (e as Error).message })
    } finally {
      setPreviewing(undefined)
    }
  }

  const startRestore = async () => {
    if (!preview) return
    setRestoreNote(undefined)
    try {
      const { doc } = await api<{ doc: RestoreDoc }>('/restores', { method: 'POST', body: { backup: preview.backup.id } })
      setRestore({ doc, name: preview.backup.name, total: preview.create + preview.update + preview.delete })
      setPreview(undefined)
    } catch (e) {
      setRestoreNote({ ok: false, text: `${t('gol:theRestoreWasNotRequested')}: ${(e as Error).message}` })
    }
  }

  const allTicked = ticked.length === categories.length
  const visible = categories.filter((c) => !shown || c.value === shown)

  return (
    <>
      <section className={ui.card} data-testid="backup-create">
        <h2 className={ui.h2}>1. Backup</h2>
        <p className={ui.muted}>
          {t('gol:tickTheItemsWhoseCurrentSettings')}
        </p>
        <div className={ui.bar}>
          <label className={ui.strong}>
            <input type="checkbox" checked={allTicked} onChange={(e) => setTicked(e.target.checked ? categories.map((c) => c.value) : [])} /> {t('gol:all')}
          </label>
          {categories.map((c) => (
            <label key={c.value}>
              <input
                type="checkbox"
                checked={ticked.includes(c.value)}
                onChange={(e) => setTicked((list) => (e.target.checked ? [...list, c.value] : list.filter((v) => v !== c.value)))}
              />{' '}
              {c.label}
            </label>
          ))}
        </div>
        <ConfirmButton
          variant="primary"
          disabled={ticked.length === 0}
          title={t('gol:backUp')}
          message={
            <>
              {t('gol:theCurrentSettingsOfTheseItems')}
              <ul>
                {ticked.map((c) => (
                  <li key={c}>{categoryName(c)}</li>
                ))}
              </ul>
            </>
          }
          onConfirm={makeBackup}
        >
          {t('gol:backUp')}
        </ConfirmButton>
        <Message {...(backupNote ?? { ok: true })} />
        <SimpleTable
          testId="backup-latest"
          columns={[t('gol:setting'), t('gol:latestBackup'), t('gol:date')]}
          keys={categories.map((c) => c.value)}
          rows={categories.map((c) => {
            const last = lists?.[c.value]?.[0]
            return [c.label, last ? last.name : <span className={ui.muted}>{lists ? t('gol:noBackup') : '…'}</span>, last ? fmtDateTime(last.createdAt) : '']
          })}
        />
      </section>

      <section className={ui.card} data-testid="backup-restore">
        <h2 className={ui.h2}>2. {t('gol:restore')}</h2>
        <p className={ui.muted}>
          {t('gol:restoringUndoesEverythingCreatedOrChanged')}
        </p>
        <CategorySelect label={t('gol:restoreOption')} all={t('gol:all')} value={shown} onChange={setShown} categories={categories} style={{ marginBottom: 8 }} />
        <Message ok={false} text={loadError} />
        <Message {...(listNote ?? { ok: true })} />
        {visible.map((c) => {
          const docs = lists?.[c.value] ?? []
          return (
            <div key={c.value} data-testid={`backups-${c.value}`} className={ui.spaced}>
              <h3 className={ui.h3}>{c.label}</h3>
              {lists && docs.length === 0 ? (
                <p className={ui.muted}>{t('gol:noBackupForThisOptionConsider')}</p>
              ) : (
                <table className={ui.table}>
                  <thead>
                    <tr>
                      <th className={ui.th}>{t('gol:setting')}</th>
                      <th className={ui.th}>{t('gol:date')}</th>
                      <th className={ui.th}>Status</th>
                      <th className={ui.th}>{t('gol:items')}</th>
                      <th className={ui.th} />
                    </tr>
                  </thead>
                  <tbody>
                    {docs.map((b) => (
                      <tr key={b.id} data-testid="backup-row">
                        <td className={ui.td}>{b.name}</td>
                        <td className={ui.td}>{fmtDateTime(b.createdAt)}</td>
                        <td className={ui.td} data-testid="backup-status">{labelOf(BACKUP_STATUS, b.status, lang)}</td>
                        <td className={ui.td}>{fmtNumber(b.itemCount ?? 0)}</td>
                        <td className={ui.numTd}>
                          <span className={ui.inline}>
                            <button type="button" className={ui.button} aria-label={`${t('gol:preview')} ${b.name}`} disabled={previewing != null || !BACKUP_READY.includes(b.status)} onClick={() => showPreview(b)}>
                              {previewing === b.id ? t('gol:pleaseWait') : t('gol:preview')}
                            </button>
                            <a className={ui.linkButton} href={`/api/backups/${b.id}/download`} download aria-label={`${t('gol:download')} ${b.name}`}>
                              {t('gol:downloadXlsx')}
                            </a>
                            <DeleteButton name={b.name} title={t('gol:deleteBackup')} message={`${t('gol:theBackup')} ${b.name} (${fmtDateTime(b.createdAt)}) ${t('gol:willBeDeletedAndCanNo')}`} onConfirm={() => remove(b)} />
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )
        })}
      </section>

      {preview && (
        <section className={ui.card} data-testid="restore-preview" aria-label={t('gol:restorePreview')}>
          <h2 className={ui.h2}>
            {t('gol:preview2')}: {preview.backup.name}
          </h2>
          <p>
            {categoryName(preview.backup.category)} · {t('gol:backupOf')} {fmtDateTime(preview.backup.createdAt)} ·{' '}
            <strong data-testid="preview-counts">
              {fmtNumber(preview.create)} {t('gol:toCreate')}, {fmtNumber(preview.update)} {t('gol:toChange')}, {fmtNumber(preview.delete)}{' '}
              {t('gol:toDelete')}
            </strong>
          </p>
          {preview.changes.length === 0 ? (
            <p className={ui.muted}>{t('gol:nothingToRestoreTheCurrentSettings')}</p>
          ) : (
            ACTIONS.filter((a) => preview.changes.some((c) => c.action === a)).map((action) => (
              <ChangeList key={action} action={action} total={preview[action]} changes={preview.changes.filter((c) => c.action === action)} lang={lang} />
            ))
          )}
          <div className={`${ui.actions} ${ui.spaced}`}>
            <ConfirmButton
              variant="primary"
              title={t('gol:restoreBackup')}
              message={`${t('gol:theSystemWillRestoreTheBackup')} ${preview.backup.name} ${t('gol:of')} ${fmtDateTime(preview.backup.createdAt)}. ${t('gol:everythingCreatedOrChangedAfterThat')} ${categoryName(preview.backup.category)} ${t('gol:willReturnToTheBackup')}`}
              onConfirm={startRestore}
              disabled={restore != null && !restoreOver}
            >
              {t('gol:restore')}
            </ConfirmButton>
            <button type="button" className={ui.button} onClick={() => setPreview(undefined)}>
              {t('gol:close')}
            </button>
          </div>
        </section>
      )}
      <Message {...(restoreNote ?? { ok: true })} />

      {restore && (
        <section className={ui.card} data-testid="restore-status" aria-live="polite">
          <h2 className={ui.h2}>
            {t('gol:restore2')}: {restore.name}
          </h2>
          <p>
            {t('gol:state')}:{' '}
            <strong data-testid="restore-state" style={{ color: statusColor(restore.doc.status) }}>
              {labelOf(RESTORE_STATUS, restore.doc.status, lang)}
            </strong>
          </p>
          {!restoreOver ? (
            <>
              <p>{t('gol:restoreRequestInProgress')}</p>
              <Progress done={(restore.doc.appliedCount ?? 0) + (restore.doc.failedCount ?? 0)} total={restore.total} label={t('gol:itemsRestored')} />
            </>
          ) : (
            <>
              <p>
                {t('gol:itemsApplied')}: {fmtNumber(restore.doc.appliedCount ?? 0)} · {t('gol:failed')}: {fmtNumber(restore.doc.failedCount ?? 0)}
              </p>
              <div className={ui.actions}>
                <a className={ui.linkButton} href={`/api/restores/${restore.doc.id}/applied`} download>
                  {t('gol:downloadAppliedItemsXlsx')}
                </a>
                <a className={ui.linkButton} href={`/api/restores/${restore.doc.id}/failed`} download>
                  {t('gol:downloadFailedItemsXlsx')}
                </a>
                <a className={ui.linkButton} href="/admin/historico-restauracoes">
                  {t('gol:restoreHistory')}
                </a>
              </div>
            </>
          )}
        </section>
      )}
    </>
  )
}

/** One action's changes; the preview answers its first page (100), the heading the whole count. */
function ChangeList({ action, total, changes, lang }: { action: Change['action']; total: number; changes: Change[]; lang: Lang }) {
  const t = useGolT()
  const heading = { create: t('gol:willBeCreated'), update: t('gol:willBeChanged'), delete: t('gol:willBeDeleted') }[action]
  return (
    <div data-testid={`preview-${action}`} className={ui.spaced}>
      <h3 className={ui.h3}>
        {heading} ({fmtNumber(total)})
      </h3>
      {total > changes.length && <p className={ui.flush}>{t('gol:showing')} {fmtNumber(changes.length)}</p>}
      <SimpleTable
        columns={[t('gol:type'), t('gol:name'), t('gol:changes')]}
        keys={changes.map((c) => `${c.kind}-${c.id}`)}
        rows={changes.map((c) => [labelOf(RESTORE_ITEM_KINDS, c.kind, lang), c.title, c.changes.join('; ')])}
      />
    </div>
  )
}
