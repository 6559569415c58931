import { publicUrl } from '../lib/settings'

/** pt-BR e-mails of the background reports (H6). */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const wrap = (paragraphs: string[]) =>
  `<div style="font-family:Arial,sans-serif;font-size:14px">${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>GOL - Gestor Online</p></div>`

export const downloadUrl = (id: string | number) => `${publicUrl()}/api/reports/${String(id)}/download`

export function reportReadyEmail(name: string, report: { id: string | number; name: string; rowCount: number }) {
  const url = downloadUrl(report.id)
  const lines = [`Olá, ${name}.`, `O relatório ${report.name} está pronto (${report.rowCount} linhas).`, `Para baixar, acesse: ${url}`, 'Ele também fica disponível em Relatórios > Download de relatórios.']
  return {
    subject: `GOL - Relatório pronto: ${report.name}`,
    text: `${lines.join('\n\n')}\n\nGOL - Gestor Online`,
    html: wrap([escape(lines[0]), escape(lines[1]), `Para baixar, acesse: <a href="${escape(url)}">${escape(url)}</a>`, escape(lines[3])]),
  }
}

export function reportFailedEmail(name: string, report: { name: string; error: string }) {
  const lines = [`Olá, ${name}.`, `Não foi possível gerar o relatório ${report.name}.`, `Motivo: ${report.error}`, 'Você pode solicitá-lo novamente em Relatórios.']
  return {
    subject: `GOL - Falha no relatório: ${report.name}`,
    text: `${lines.join('\n\n')}\n\nGOL - Gestor Online`,
    html: wrap(lines.map(escape)),
  }
}
