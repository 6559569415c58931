import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'
import { mailFrom, smtpUrl } from './settings'
import { sqliteTransactions } from './transactionGate'

const FROM_ADDRESS = mailFrom()
const FROM_NAME = 'GOL - Gestor Online'

const addressList = (to: unknown): string =>
  (Array.isArray(to) ? to : [to])
    .map((a) => (typeof a === 'string' ? a : (a as { address?: string })?.address ?? ''))
    .filter(Boolean)
    .join(', ')

/** The log line of an e-mail kept without SMTP: its text too, so a code or temporary password can be read there (the demo's login). */
export const outboxLogLine = (to: string, subject: string, text: string | undefined): string =>
  `e-mail para ${to} (sem SMTP_URL: não enviado; guardado na caixa de saída): ${subject}${text ? `\n${text}` : ''}`

/** With no SMTP server, e-mails land in the `outbox` collection and the log. */
const outboxAdapter: EmailAdapter =
  ({ payload }) => ({
    name: 'outbox',
    defaultFromAddress: FROM_ADDRESS,
    defaultFromName: FROM_NAME,
    sendEmail: async (message) => {
      const to = addressList(message.to)
      payload.logger.info(outboxLogLine(to, String(message.subject ?? ''), typeof message.text === 'string' ? message.text : undefined))
      const keep = () =>
        payload.create({
          collection: 'outbox',
          data: {
            to,
            from: typeof message.from === 'string' ? message.from : FROM_ADDRESS,
            subject: String(message.subject ?? ''),
            text: typeof message.text === 'string' ? message.text : undefined,
            html: typeof message.html === 'string' ? message.html : undefined,
          },
          overrideAccess: true,
        })
      // Sent from inside a SQLite transaction (a hook, say), the outbox write must wait for
      // that transaction to end, so it is not awaited: it lands right after the commit.
      if (!sqliteTransactions.held) return keep()
      void keep().catch((err: unknown) => payload.logger.error({ err, msg: `e-mail para ${to} não guardado na caixa de saída` }))
      return { deferred: true }
    },
  })

export async function emailAdapter() {
  const url = smtpUrl()
  if (!url) return outboxAdapter
  return nodemailerAdapter({
    defaultFromAddress: FROM_ADDRESS,
    defaultFromName: FROM_NAME,
    transport: nodemailer.createTransport(url),
    skipVerify: true,
  })
}
