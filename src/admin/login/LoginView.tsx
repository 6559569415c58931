import pkg from '../../../package.json'
import { seedDemoEnabled, smtpUrl } from '../../lib/settings'
import { LoginForm } from './LoginForm'

/**
 * The admin's login (A1, A2, A4): CPF and password, then the e-mailed code; shows the product
 * version. In the demo (demo data on, no SMTP_URL) it says the code is in the server's log.
 */
export function LoginView() {
  return <LoginForm version={pkg.version} codeInLog={seedDemoEnabled() && !smtpUrl()} />
}

export default LoginView
