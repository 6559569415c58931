import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

export interface Response<T = any> {
  status: number
  body: T
  headers: Headers
}

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<globalThis.Response>

/**
 * Calls the same route handlers Next serves (REST and GraphQL) with Web Requests:
 * the full HTTP stack of Payload without a listening server.
 */
export class RestClient {
  private handlers: Record<string, Handler>
  private graphql: (req: Request) => Promise<globalThis.Response>

  constructor(config: SanitizedConfig | Promise<SanitizedConfig>) {
    const c = Promise.resolve(config)
    this.handlers = { GET: REST_GET(c), POST: REST_POST(c), PATCH: REST_PATCH(c), DELETE: REST_DELETE(c) }
    this.graphql = GRAPHQL_POST(c) as never
  }

  async request<T = any>(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Response<T>> {
    const url = new URL(`http://localhost/api${path}`)
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
    if (options.token) headers.authorization = options.token.includes(' ') ? options.token : `JWT ${options.token}`
    const req = new Request(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    const res = await this.handlers[method](req, { params: Promise.resolve({ slug }) })
    const text = await res.text()
    let body: any = text
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body, headers: res.headers }
  }

  get = <T = any>(path: string, token?: string) => this.request<T>('GET', path, { token })
  post = <T = any>(path: string, body: unknown, token?: string) => this.request<T>('POST', path, { body, token })
  patch = <T = any>(path: string, body: unknown, token?: string) => this.request<T>('PATCH', path, { body, token })
  delete = <T = any>(path: string, token?: string) => this.request<T>('DELETE', path, { token })

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Response<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (token) headers.authorization = token.includes(' ') ? token : `JWT ${token}`
    const res = await this.graphql(new Request('http://localhost/api/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) }))
    return { status: res.status, body: await res.json(), headers: res.headers }
  }
}
