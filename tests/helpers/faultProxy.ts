/**
 * A TCP proxy (node:net) in front of a server, for fault tests: `pass` forwards, `refuse`
 * closes new connections at once, `stall` keeps connections open and holds every byte sent
 * (released in order when passing again, as a paused server would answer late), `cut`
 * destroys a connection as soon as it carries a command.
 */
import net from 'node:net'

export type FaultMode = 'pass' | 'refuse' | 'stall' | 'cut'

export class FaultProxy {
  mode: FaultMode = 'pass'
  private server: net.Server
  private links = new Set<{ client: net.Socket; upstream: net.Socket; held: Buffer[] }>()

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = net.createServer((client) => this.accept(client))
  }

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    return (this.server.address() as net.AddressInfo).port
  }

  set(mode: FaultMode) {
    this.mode = mode
    if (mode === 'pass') {
      for (const l of this.links) {
        for (const chunk of l.held.splice(0)) l.upstream.write(chunk)
      }
    }
    if (mode === 'refuse') for (const l of this.links) this.cut(l)
  }

  private cut(l: { client: net.Socket; upstream: net.Socket }) {
    l.client.destroy()
    l.upstream.destroy()
  }

  private accept(client: net.Socket) {
    if (this.mode === 'refuse') return client.destroy()
    const upstream = net.connect(this.targetPort, this.targetHost)
    const link = { client, upstream, held: [] as Buffer[] }
    this.links.add(link)
    const close = () => {
      this.links.delete(link)
      client.destroy()
      upstream.destroy()
    }
    client.on('data', (chunk: Buffer) => {
      if (this.mode === 'cut') return close()
      if (this.mode === 'stall' || link.held.length) link.held.push(chunk)
      else upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => client.write(chunk))
    client.on('error', close).on('close', close)
    upstream.on('error', close).on('close', close)
  }

  async close() {
    for (const l of this.links) this.cut(l)
    await new Promise((r) => this.server.close(r))
  }
}
