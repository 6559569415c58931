'use client'
import { WEEKDAYS } from '../../domain/categories'
import { useGolLang, useGolT } from '../i18n/useGolT'
import ui from '../shared/ui.module.scss'
import { EntryTable, Field, FieldError, type StepProps } from './Field'
import { dayLabel, validateStep, type Window } from './steps'
import css from './wizard.module.scss'

/** Step 3 "Calendário": week days, holidays and time windows (the window being typed lives in the wizard). */
export function CalendarStep({
  draft,
  errors,
  update,
  setErrors,
  windowDraft,
  setWindowDraft,
}: StepProps & { windowDraft: Window; setWindowDraft: (w: Window) => void }) {
  const t = useGolT()
  const lang = useGolLang()
  return (
    <>
      <fieldset className={css.days}>
        <legend className={ui.muted}>{t('gol:profileDays')}</legend>
        <label>
          <input type="checkbox" checked={draft.calendar.holidays} onChange={(e) => update({ calendar: { ...draft.calendar, holidays: e.target.checked } })} /> {t('gol:profileHolidays')}
        </label>
        {WEEKDAYS.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={draft.calendar.days.includes(d)}
              onChange={(e) =>
                update({
                  calendar: {
                    ...draft.calendar,
                    days: e.target.checked ? WEEKDAYS.filter((x) => x === d || draft.calendar.days.includes(x)) : draft.calendar.days.filter((x) => x !== d),
                  },
                })
              }
            />{' '}
            {dayLabel(d, lang)}
          </label>
        ))}
      </fieldset>
      <FieldError message={errors['calendar.days']} />
      <h3 className={css.h3}>{t('gol:profileWindows')}</h3>
      <p className={ui.muted}>{t('gol:profileWindowsHelp')}</p>
      <div className={css.row}>
        <Field label={t('gol:from')} htmlFor="window-from">
          <input id="window-from" className={ui.input} placeholder="HH:MM" value={windowDraft.from} onChange={(e) => setWindowDraft({ ...windowDraft, from: e.target.value })} />
        </Field>
        <Field label={t('gol:to2')} htmlFor="window-to">
          <input id="window-to" className={ui.input} placeholder="HH:MM" value={windowDraft.to} onChange={(e) => setWindowDraft({ ...windowDraft, to: e.target.value })} />
        </Field>
        <button
          type="button"
          className={ui.button}
          onClick={() => {
            const e = validateStep(2, { ...draft, calendar: { ...draft.calendar, days: ['mon'], windows: [windowDraft] } }, lang)
            if (e['calendar.windows.0']) return setErrors({ window: e['calendar.windows.0'] })
            setErrors({})
            update({ calendar: { ...draft.calendar, windows: [...draft.calendar.windows, windowDraft] } })
            setWindowDraft({ from: '', to: '' })
          }}
        >
          {t('gol:add')}
        </button>
      </div>
      <FieldError message={errors.window} />
      <EntryTable
        className={css.windowTable}
        headers={[t('gol:profileWindowFrom'), t('gol:profileWindowTo')]}
        rows={draft.calendar.windows}
        rowKey={(w, i) => `${w.from}-${w.to}-${i}`}
        cells={(w, i) => [
          w.from,
          <>
            {w.to}
            <FieldError role={null} message={errors[`calendar.windows.${i}`]} />
          </>,
        ]}
        removeLabel={(w) => t('gol:profileRemoveWindow', { from: w.from, to: w.to })}
        onRemove={(i) => update({ calendar: { ...draft.calendar, windows: draft.calendar.windows.filter((_, j) => j !== i) } })}
      />
    </>
  )
}
