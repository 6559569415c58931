'use client'

/** The REST API as the logged user (session cookie). Throws with the server's message. */
export async function api<T = any>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method: init.method ?? 'GET',
    credentials: 'include',
    headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) {
    const fieldErrors = data?.errors?.[0]?.data?.errors as { message: string }[] | undefined
    const message = fieldErrors?.map((e) => e.message).join('; ') || data?.errors?.[0]?.message || data?.message || `Erro ${res.status}`
    throw new Error(message)
  }
  return data as T
}

/** `where` as a query string in Payload's bracket notation. */
export function whereQuery(where: Record<string, unknown>, prefix = 'where'): string {
  const parts: string[] = []
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${key}[${i}]`))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${key}[${k}]`)
    else if (value !== undefined) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  walk(where, prefix)
  return parts.join('&')
}
