/**
 * The TCP peer's address, carried from server.mjs to the route handlers (which only see a
 * Web Request). server.mjs calls `stampPeer` on every request: it removes any copy of the
 * header a client sent and writes the socket's address, and marks the process as stamped so
 * that src/auth/clientAddress.ts trusts the header. Without server.mjs (`next dev`) the mark
 * is absent and the header is ignored. Plain JavaScript: server.mjs imports it without a build.
 */
export const PEER_HEADER = 'x-gol-peer'
const STAMPED = Symbol.for('gol.peer.stamped')

/** `::ffff:203.0.113.7` (IPv4 on an IPv6 socket) → `203.0.113.7`. */
export const normaliseAddress = (address) => (address ?? '').trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')

/** @param {import('node:http').IncomingMessage} req */
export function stampPeer(req) {
  globalThis[STAMPED] = true
  const raw = req.rawHeaders
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === PEER_HEADER) raw.splice(i, 2)
  const address = normaliseAddress(req.socket.remoteAddress)
  req.headers[PEER_HEADER] = address
  raw.push(PEER_HEADER, address)
}

/** Whether this process runs behind server.mjs, so the header is ours and not the client's. */
export const peerStamped = () => globalThis[STAMPED] === true

/** Tests stand in for server.mjs: they call the route handlers directly. */
export const markStamped = () => {
  globalThis[STAMPED] = true
}
