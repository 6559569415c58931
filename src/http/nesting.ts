/** Deeper than any real query or filter: refused before parsing (recursive parsers overflow the stack on thousands of levels). */
export const MAX_QUERY_DEPTH = 32

/** Nesting depth of a value (objects and arrays) or of a query text (brackets and braces outside strings). */
export function nestingDepth(value: unknown): number {
  if (typeof value === 'string') return textDepth(value)
  let max = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, d] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (d + 1 > max) max = d + 1
    if (max > MAX_QUERY_DEPTH) return max
    for (const child of Object.values(v)) stack.push([child, d + 1])
  }
  return max
}

function textDepth(text: string): number {
  let depth = 0
  let max = 0
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '\\') i++
      else if (ch === '"') quoted = false
    } else if (ch === '"') quoted = true
    else if (ch === '{' || ch === '[' || ch === '(') max = Math.max(max, ++depth)
    else if (ch === '}' || ch === ']' || ch === ')') depth--
  }
  return max
}
