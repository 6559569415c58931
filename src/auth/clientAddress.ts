import { BlockList, isIP } from 'node:net'
import { normaliseAddress, PEER_HEADER, peerStamped } from '../lib/peer.mjs'
import { trustProxy } from '../lib/settings'

/**
 * The client address that rate limits count (issue 10, finding 9). The TCP peer's address
 * comes from server.mjs (src/lib/peer.mjs). Proxy headers count only when that peer is a
 * proxy listed in TRUST_PROXY (comma-separated addresses and CIDR ranges, IPv4 or IPv6):
 * then X-Forwarded-For is read from the right, skipping trusted proxies, and the first
 * untrusted hop is the client (what a client prepends stays to the left, ignored). Without
 * server.mjs (`next dev`) there is no peer address and every request counts as `unknown`.
 */
const UNKNOWN = 'unknown'

let parsed: { source: string; list: BlockList } | undefined

function trustedProxies(): BlockList {
  const source = trustProxy()
  if (parsed?.source === source) return parsed.list
  const list = new BlockList()
  for (const entry of source.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [address, bits] = entry.split('/')
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (!isIP(address)) throw new Error(`TRUST_PROXY: "${entry}" não é um endereço IP nem uma faixa CIDR`)
    if (bits === undefined) list.addAddress(address, family)
    else list.addSubnet(address, Number(bits), family)
  }
  parsed = { source, list }
  return list
}

const isTrusted = (list: BlockList, address: string): boolean => {
  const family = isIP(address)
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4')
}

export function clientAddress(headers: Headers): string {
  const peer = peerStamped() ? normaliseAddress(headers.get(PEER_HEADER)) : ''
  if (!peer) return UNKNOWN
  const trusted = trustedProxies()
  if (!isTrusted(trusted, peer)) return peer
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map(normaliseAddress).filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIP(hops[i])) return peer
    if (!isTrusted(trusted, hops[i])) return hops[i]
  }
  return hops[0] ?? peer
}
