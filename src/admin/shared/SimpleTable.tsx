import type { ReactNode } from 'react'
import { table, td, th } from './styles'

/** A plain table: header labels, then one array of cells per row (keyed by `keys`). */
export function SimpleTable({ columns, rows, keys, testId }: { columns: string[]; rows: ReactNode[][]; keys: (string | number)[]; testId?: string }) {
  return (
    <table style={table} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} style={th}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, i) => (
          <tr key={keys[i]}>
            {cells.map((cell, j) => (
              <td key={columns[j]} style={td}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
