import type { Payload } from 'payload'
import { PEER_HEADER } from '../../src/lib/peer.mjs'

type Doc = { id: number | string; [k: string]: any }

/** E-mails in the outbox for an address (SMTP_URL is unset in tests). */
export async function mailsTo(payload: Payload, to: string): Promise<{ text: string; subject: string }[]> {
  const found = await payload.find({ collection: 'outbox', where: { to: { equals: to } }, sort: '-createdAt', limit: 100, overrideAccess: true, depth: 0 })
  return found.docs.map((d) => ({ text: String((d as Doc).text ?? ''), subject: String((d as Doc).subject ?? '') }))
}

/** The stored user row, with the fields no interface shows (sessions, hash, lockout). */
export const rawUser = (payload: Payload, id: number | string) =>
  payload.db.findOne({ collection: 'users', where: { id: { equals: id } } }) as Promise<Doc>

let peer = 0
/** Headers as server.mjs stamps them for a client connecting from a distinct socket address. */
export const fromPeer = (address = `198.51.100.${(++peer % 250) + 1}`): Record<string, string> => ({ [PEER_HEADER]: address })

/** The temporary password of the newest e-mail to `to` that has one (e-mails may land just after the answer). */
export async function temporaryPasswordSentTo(payload: Payload, to: string, olderMails = 0): Promise<string | undefined> {
  for (let i = 0; i < 100; i++) {
    const mails = await mailsTo(payload, to)
    const found = mails.length > olderMails ? /senha temporária é: (\S+)/.exec(mails[0].text)?.[1] : undefined
    if (found) return found
    await new Promise((r) => setTimeout(r, 30))
  }
  return undefined
}
