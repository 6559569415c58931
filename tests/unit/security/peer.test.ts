import { IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import { PEER_HEADER, peerStamped, stampPeer } from '../../../src/lib/peer.mjs'

/** server.mjs's part of finding 9 (issue 10): the peer header is always the socket's address. */
describe('stampPeer', () => {
  it('replaces every client-sent copy of the header with the socket address', () => {
    const socket = new Socket()
    Object.defineProperty(socket, 'remoteAddress', { value: '::ffff:198.51.100.9' })
    const req = new IncomingMessage(socket)
    req.headers = { [PEER_HEADER]: '1.1.1.1', host: 'x' }
    req.rawHeaders = ['Host', 'x', 'X-Gol-Peer', '1.1.1.1', 'x-gol-peer', '2.2.2.2']
    stampPeer(req)
    expect(req.headers[PEER_HEADER]).toBe('198.51.100.9')
    expect(req.rawHeaders).toEqual(['Host', 'x', PEER_HEADER, '198.51.100.9'])
    expect(peerStamped()).toBe(true)
  })
})
