/** A document id as Payload hands it out: a number (SQL) or a string (MongoDB). */
export type Id = string | number

/** A relationship as stored (an id) or populated (a document with an id). */
export type Relation = Id | { id: Id } | null | undefined

/** The id of a relationship, populated or not; undefined when empty. */
export const idOf = (rel: unknown): Id | undefined =>
  rel == null || rel === '' ? undefined : typeof rel === 'object' ? (rel as { id: Id }).id : (rel as Id)

/** Two relationships (or ids) name the same document, whatever the id's type. */
export const sameId = (a: unknown, b: unknown): boolean => {
  const [x, y] = [idOf(a), idOf(b)]
  return x !== undefined && y !== undefined && String(x) === String(y)
}

/**
 * An id where the generated document types want one. src/payload-types.ts is generated from
 * the SQL adapters, whose ids are numbers; on MongoDB the same field holds a string id, which
 * Payload accepts. This is the one place that says so, instead of a cast at each write.
 */
export const relationId = (id: Id): number => id as number

/** The id of a relationship that must be set (a job's company, an alert's delivery); throws naming `what` otherwise. */
export const requiredId = (rel: unknown, what: string): Id => {
  const id = idOf(rel)
  if (id === undefined) throw new Error(`${what}: relação sem id`)
  return id
}

/** The id of a relationship as a map key (ids are numbers on SQL, strings on MongoDB); undefined when empty. */
export const idKey = (rel: unknown): string | undefined => {
  const id = idOf(rel)
  return id === undefined ? undefined : String(id)
}
