import type { SanitizedConfig } from 'payload'

export interface Response<T = any> {
  status: number
  body: T
  headers: Headers
}

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<globalThis.Response>

type Routes = { rest: Record<string, Handler>; graphql: (req: Request) => Promise<globalThis.Response> }

/**
 * Calls the route handlers Next serves (REST and GraphQL, the exports of
 * src/app/(payload)/api/…/route.ts, with their request checks) with Web Requests: the full
 * HTTP stack of Payload without a listening server. The routes load the config the app
 * booted (`@payload-config`), so the client is made after `getPayload`.
 */
export class RestClient {
  private routes: Promise<Routes>

  constructor(_config?: SanitizedConfig | Promise<SanitizedConfig>) {
    this.routes = Promise.all([import('../../src/app/(payload)/api/[...slug]/route'), import('../../src/app/(payload)/api/graphql/route')]).then(([rest, graphql]) => ({
      rest: { GET: rest.GET, POST: rest.POST, PATCH: rest.PATCH, PUT: rest.PUT, DELETE: rest.DELETE, OPTIONS: rest.OPTIONS } as Record<string, Handler>,
      graphql: graphql.POST as never,
    }))
  }

  /** A raw Request through the REST route (headers and body as given). */
  async raw(req: Request): Promise<globalThis.Response> {
    const url = new URL(req.url)
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    return (await this.routes).rest[req.method](req, { params: Promise.resolve({ slug }) })
  }

  /** A raw Request through the GraphQL route. */
  async rawGraphql(req: Request): Promise<globalThis.Response> {
    return (await this.routes).graphql(req)
  }

  async request<T = any>(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Response<T>> {
    const url = new URL(`http://localhost/api${path}`)
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
    if (options.token) headers.authorization = options.token.includes(' ') ? options.token : `JWT ${options.token}`
    const req = new Request(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
    const res = await this.raw(req)
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
    const res = await this.rawGraphql(new Request('http://localhost/api/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) }))
    return { status: res.status, body: await res.json(), headers: res.headers }
  }
}
