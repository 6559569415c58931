'use client'
import { useState, type FormEvent } from 'react'
import { CompanyPicker, fetchCompanies, selectCompany } from '../company/CompanyPicker'
import { useGolT } from '../i18n/useGolT'
import login from './login.module.scss'

type Step = 'password' | 'code' | 'newPassword' | 'company' | 'recover'


async function post(path: string, body: unknown) {
  const res = await fetch(`/api/users${path}`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const data = await res.json().catch(() => ({}))
  const message = data?.message ?? data?.errors?.[0]?.message
  return { ok: res.ok, data, message: typeof message === 'string' ? message : undefined }
}

/** The steps on one screen: password, the 5-digit code, a new password after a temporary one, the company. */
export function LoginForm({ version, codeInLog = false }: { version: string; codeInLog?: boolean }) {
  const t = useGolT()
  const [step, setStep] = useState<Step>('password')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [challenge, setChallenge] = useState('')
  const [code, setCode] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [email, setEmail] = useState('')
  const [notice, setNotice] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const run = (action: () => Promise<void>) => async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await action()
    } finally {
      setBusy(false)
    }
  }

  const [role, setRole] = useState<string>()
  const enter = () => window.location.assign('/admin')

  /** A5: a user of several companies picks one; a single company is picked for it; support works across all. */
  const chooseCompany = async (userRole = role) => {
    if (userRole === 'support') return enter()
    const { docs } = await fetchCompanies()
    if (docs.length === 1) await selectCompany(docs[0].id)
    if (docs.length > 1) return setStep('company')
    enter()
  }

  const submitPassword = run(async () => {
    const res = await post('/login', { username: username.replace(/\D/g, ''), password })
    if (!res.ok || !res.data?.challenge) return setError(res.message ?? t('gol:loginBadPassword'))
    setChallenge(res.data.challenge)
    setStep('code')
  })

  const submitCode = run(async () => {
    const res = await post('/login/otp', { challenge, code: code.trim() })
    if (!res.ok) return setError(res.message ?? t('gol:loginBadCode'))
    setRole(res.data?.user?.role)
    if (res.data?.mustChangePassword) return setStep('newPassword')
    await chooseCompany(res.data?.user?.role)
  })

  const submitNewPassword = run(async () => {
    const res = await post('/change-password', { newPassword })
    if (!res.ok) return setError(res.message ?? t('gol:loginPasswordFailed'))
    await chooseCompany()
  })

  const submitRecover = run(async () => {
    const res = await post('/recover', { username: username.replace(/\D/g, ''), email: email.trim() })
    if (!res.ok) return setError(res.message ?? t('gol:loginRecoverFailed'))
    setNotice(res.message ?? t('gol:loginRecoverSent'))
    setStep('password')
  })

  return (
    <div className={login.box}>
      <h1 className={login.flush}>
        Claro<sup>+</sup>empresas
      </h1>
      <h2 className={login.flush}>{t('gol:loginTitle')}</h2>
      {step === 'password' && (
        <form onSubmit={submitPassword} className={login.form}>
          <label htmlFor="gol-username">{t('gol:loginUser')}</label>
          <input id="gol-username" name="username" className={login.input} inputMode="numeric" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          <label htmlFor="gol-password">{t('gol:loginPassword')}</label>
          <input id="gol-password" name="password" type="password" className={login.input} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          <button className={login.button} disabled={busy} type="submit">
            {t('gol:loginEnter')}
          </button>
          <button type="button" className={login.link} onClick={() => (setStep('recover'), setError(undefined))}>
            {t('gol:loginRecover')}
          </button>
        </form>
      )}
      {step === 'code' && (
        <form onSubmit={submitCode} className={login.form}>
          <p className={login.flush}>{t('gol:loginCodeSent')}</p>
          {codeInLog && (
            <p data-testid="gol-code-in-log" className={login.note}>
              {t('gol:loginCodeInLog')}
            </p>
          )}
          <label htmlFor="gol-code">{t('gol:loginCode')}</label>
          <input id="gol-code" name="code" className={login.input} inputMode="numeric" autoComplete="one-time-code" maxLength={5} pattern="\d{5}" value={code} onChange={(e) => setCode(e.target.value)} required />
          <button className={login.button} disabled={busy} type="submit">
            {t('gol:confirm')}
          </button>
          <button type="button" className={`${login.button} ${login.secondary}`} onClick={() => (setStep('password'), setCode(''), setError(undefined))}>
            {t('gol:profileBack')}
          </button>
        </form>
      )}
      {step === 'newPassword' && (
        <form onSubmit={submitNewPassword} className={login.form}>
          <p className={login.flush}>{t('gol:loginTemporary')}</p>
          <label htmlFor="gol-new-password">{t('gol:loginNewPassword')}</label>
          <input id="gol-new-password" name="newPassword" type="password" className={login.input} autoComplete="new-password" minLength={8} value={newPassword} onChange={(e) => setNewPassword(e.target.value)} required />
          <button className={login.button} disabled={busy} type="submit">
            {t('gol:loginSaveAndEnter')}
          </button>
        </form>
      )}
      {step === 'company' && <CompanyPicker onSelected={enter} />}
      {step === 'recover' && (
        <form onSubmit={submitRecover} className={login.form}>
          <h3 className={login.flush}>{t('gol:loginRecoverTitle')}</h3>
          <p className={login.flush}>{t('gol:loginRecoverIntro')}</p>
          <p className={login.flush} data-testid="recover-help">
            {t('gol:loginRecoverHelp')}
          </p>
          <ul className={login.list}>
            <li>{t('gol:loginSupportLarge')}</li>
            <li>{t('gol:loginSupportSmall')}</li>
          </ul>
          <p className={login.flush}>{t('gol:loginRecoverNote')}</p>
          <label htmlFor="gol-recover-username">{t('gol:loginUser')}</label>
          <input id="gol-recover-username" name="username" className={login.input} inputMode="numeric" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          <label htmlFor="gol-email">{t('gol:loginEmail')}</label>
          <input id="gol-email" name="email" type="email" className={login.input} value={email} onChange={(e) => setEmail(e.target.value)} required />
          <button className={login.button} disabled={busy} type="submit">
            {t('gol:loginSend')}
          </button>
          <button type="button" className={`${login.button} ${login.secondary}`} onClick={() => setStep('password')}>
            {t('gol:loginReturn')}
          </button>
        </form>
      )}
      {notice && step === 'password' && <p className={login.flush}>{notice}</p>}
      {error && (
        <p role="alert" className={login.error}>
          {error}
        </p>
      )}
      <small className={login.version}>v{version}</small>
    </div>
  )
}
