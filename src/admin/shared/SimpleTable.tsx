'use client'
import { Table } from '@payloadcms/ui'
import type { ClientField, Column } from 'payload'
import type { ReactNode } from 'react'

/** A plain table on Payload's Table: header labels, then one array of cells per row (keyed by `keys`). */
export function SimpleTable({ columns, rows, keys, testId }: { columns: string[]; rows: ReactNode[][]; keys: (string | number)[]; testId?: string }) {
  const cols: Column[] = columns.map((heading, j) => ({
    accessor: `c${j}`,
    active: true,
    field: { name: `c${j}`, type: 'text' } as ClientField,
    Heading: heading,
    renderedCells: rows.map((cells) => cells[j]),
  }))
  return (
    <div data-testid={testId}>
      <Table columns={cols} data={keys.map((id) => ({ id }))} appearance="condensed" />
    </div>
  )
}
