/** pt-BR e-mails of the access flows (A2, A3). */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const wrap = (paragraphs: string[]) =>
  `<div style="font-family:Arial,sans-serif;font-size:14px">${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>GOL - Gestor Online</p></div>`

export function otpEmail(name: string, code: string, minutes: number) {
  const text = [
    `Olá, ${name}.`,
    `Seu código de acesso ao GOL - Gestor Online é: ${code}`,
    `Ele vale por ${minutes} minutos e só pode ser usado uma vez.`,
    'Se não foi você que tentou entrar, ignore este e-mail e avise o administrador da sua empresa.',
  ]
  return {
    subject: 'GOL - Código de acesso',
    text: `${text.join('\n\n')}\n\nGOL - Gestor Online`,
    html: wrap([escape(text[0]), `Seu código de acesso ao GOL - Gestor Online é: <strong style="font-size:20px">${code}</strong>`, ...text.slice(2).map(escape)]),
  }
}

export function temporaryPasswordEmail(name: string, password: string, hours: number) {
  const text = [
    `Olá, ${name}.`,
    `Recebemos um pedido de recuperação de senha. Sua senha temporária é: ${password}`,
    `Ela vale por ${hours} horas. Até que você a use, a sua senha atual continua valendo; ao entrar com a senha temporária você deverá cadastrar uma nova senha.`,
    'Se não foi você que pediu, avise o administrador da sua empresa.',
  ]
  return {
    subject: 'GOL - Senha temporária',
    text: `${text.join('\n\n')}\n\nGOL - Gestor Online`,
    html: wrap([escape(text[0]), `Recebemos um pedido de recuperação de senha. Sua senha temporária é: <strong>${escape(password)}</strong>`, ...text.slice(2).map(escape)]),
  }
}

export function welcomeEmail(name: string, login: string, password: string) {
  const text = [
    `Olá, ${name}.`,
    `Você recebeu acesso ao GOL - Gestor Online. Seu login é o seu CPF (${login}) e sua senha temporária é: ${password}`,
    'No primeiro acesso você deverá cadastrar uma nova senha. A cada login enviaremos um código de acesso para este e-mail.',
  ]
  return {
    subject: 'GOL - Seu acesso ao Gestor Online',
    text: `${text.join('\n\n')}\n\nGOL - Gestor Online`,
    html: wrap([escape(text[0]), `Você recebeu acesso ao GOL - Gestor Online. Seu login é o seu CPF (${escape(login)}) e sua senha temporária é: <strong>${escape(password)}</strong>`, escape(text[2])]),
  }
}
