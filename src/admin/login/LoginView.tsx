import pkg from '../../../package.json'
import { LoginForm } from './LoginForm'

/** The admin's login (A1, A2, A4): CPF and password, then the e-mailed code; shows the product version. */
export function LoginView() {
  return <LoginForm version={pkg.version} />
}

export default LoginView
