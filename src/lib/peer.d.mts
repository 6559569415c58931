import type { IncomingMessage } from 'node:http'
export declare const PEER_HEADER: 'x-gol-peer'
export declare function normaliseAddress(address: string | undefined | null): string
export declare function stampPeer(req: IncomingMessage): void
export declare function peerStamped(): boolean
export declare function markStamped(): void
