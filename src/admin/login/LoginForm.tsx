'use client'
import { useState, type FormEvent } from 'react'
import { CompanyPicker, fetchCompanies, selectCompany } from '../company/CompanyPicker'
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
    if (!res.ok || !res.data?.challenge) return setError(res.message ?? 'Usuário ou senha inválidos.')
    setChallenge(res.data.challenge)
    setStep('code')
  })

  const submitCode = run(async () => {
    const res = await post('/login/otp', { challenge, code: code.trim() })
    if (!res.ok) return setError(res.message ?? 'Código inválido ou expirado.')
    setRole(res.data?.user?.role)
    if (res.data?.mustChangePassword) return setStep('newPassword')
    await chooseCompany(res.data?.user?.role)
  })

  const submitNewPassword = run(async () => {
    const res = await post('/change-password', { newPassword })
    if (!res.ok) return setError(res.message ?? 'Não foi possível trocar a senha.')
    await chooseCompany()
  })

  const submitRecover = run(async () => {
    const res = await post('/recover', { username: username.replace(/\D/g, ''), email: email.trim() })
    if (!res.ok) return setError(res.message ?? 'Não foi possível enviar a senha temporária.')
    setNotice(res.message ?? 'Se o CPF e o e-mail forem de um usuário cadastrado, enviaremos uma senha temporária.')
    setStep('password')
  })

  return (
    <div className={login.box}>
      <h1 style={{ margin: 0 }}>
        Claro<sup>+</sup>empresas
      </h1>
      <h2 style={{ margin: 0 }}>Login</h2>
      {step === 'password' && (
        <form onSubmit={submitPassword} style={{ display: 'grid', gap: 12 }}>
          <label htmlFor="gol-username">Usuário (CPF)</label>
          <input id="gol-username" name="username" className={login.input} inputMode="numeric" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          <label htmlFor="gol-password">Senha</label>
          <input id="gol-password" name="password" type="password" className={login.input} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          <button className={login.button} disabled={busy} type="submit">Entrar</button>
          <button type="button" style={{ background: 'none', border: 0, textDecoration: 'underline', cursor: 'pointer', justifySelf: 'start' }} onClick={() => (setStep('recover'), setError(undefined))}>
            Recuperar senha
          </button>
        </form>
      )}
      {step === 'code' && (
        <form onSubmit={submitCode} style={{ display: 'grid', gap: 12 }}>
          <p style={{ margin: 0 }}>Enviamos um código de 5 dígitos para o seu e-mail. Ele vale por 180 segundos.</p>
          {codeInLog && (
            <p data-testid="gol-code-in-log" style={{ margin: 0, padding: '8px 12px', background: '#fff4e5', borderRadius: 4 }}>
              Sem SMTP: o código está no log do servidor (e na caixa de saída, para o suporte).
            </p>
          )}
          <label htmlFor="gol-code">Código de acesso</label>
          <input id="gol-code" name="code" className={login.input} inputMode="numeric" autoComplete="one-time-code" maxLength={5} pattern="\d{5}" value={code} onChange={(e) => setCode(e.target.value)} required />
          <button className={login.button} disabled={busy} type="submit">Confirmar</button>
          <button type="button" className={`${login.button} ${login.secondary}`} onClick={() => (setStep('password'), setCode(''), setError(undefined))}>
            Voltar
          </button>
        </form>
      )}
      {step === 'newPassword' && (
        <form onSubmit={submitNewPassword} style={{ display: 'grid', gap: 12 }}>
          <p style={{ margin: 0 }}>Sua senha é temporária. Defina uma nova senha para continuar.</p>
          <label htmlFor="gol-new-password">Nova senha</label>
          <input id="gol-new-password" name="newPassword" type="password" className={login.input} autoComplete="new-password" minLength={8} value={newPassword} onChange={(e) => setNewPassword(e.target.value)} required />
          <button className={login.button} disabled={busy} type="submit">Salvar e entrar</button>
        </form>
      )}
      {step === 'company' && <CompanyPicker onSelected={enter} />}
      {step === 'recover' && (
        <form onSubmit={submitRecover} style={{ display: 'grid', gap: 12 }}>
          <h3 style={{ margin: 0 }}>Recuperação de senha</h3>
          <p style={{ margin: 0 }}>Informe o seu CPF e o seu endereço de e-Mail corporativo válido cadastrado na Claro/Embratel.</p>
          <p style={{ margin: 0 }} data-testid="recover-help">
            Caso seu endereço de e-Mail tenha mudado, entre em contato com o Atendimento ao Cliente para atualização, antes desta solicitação de alteração de senha.
          </p>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            <li>Atendimento Grandes Empresas: *860 ou 0800 721 1021</li>
            <li>Atendimento Pequenas e Médias empresas: 1052</li>
          </ul>
          <p style={{ margin: 0 }}>Sua nova senha inicial será encaminhada por e-Mail após clicar em &quot;Enviar&quot;; a senha atual continua valendo até você usar a nova.</p>
          <label htmlFor="gol-recover-username">Usuário (CPF)</label>
          <input id="gol-recover-username" name="username" className={login.input} inputMode="numeric" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
          <label htmlFor="gol-email">E-mail</label>
          <input id="gol-email" name="email" type="email" className={login.input} value={email} onChange={(e) => setEmail(e.target.value)} required />
          <button className={login.button} disabled={busy} type="submit">Enviar</button>
          <button type="button" className={`${login.button} ${login.secondary}`} onClick={() => setStep('password')}>
            Retornar
          </button>
        </form>
      )}
      {notice && step === 'password' && <p style={{ margin: 0 }}>{notice}</p>}
      {error && (
        <p role="alert" style={{ color: '#b00020', margin: 0 }}>
          {error}
        </p>
      )}
      <small style={{ color: '#777' }}>v{version}</small>
    </div>
  )
}
