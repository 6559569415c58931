import { describe, expect, it } from 'vitest'
import { periodProblem } from '../../../src/admin/backup/period'

describe('período do histórico de restaurações (H7)', () => {
  const today = new Date('2026-11-25T15:00:00Z')
  it('aceita vazio (últimos 180 dias) e períodos de até 180 dias', () => {
    expect(periodProblem('', '', 'pt', today)).toBeUndefined()
    expect(periodProblem('01/06/2026', '28/11/2026', 'pt', today)).toBeUndefined()
    expect(periodProblem('', '01/01/2026', 'pt', today)).toBeUndefined()
  })
  it('explica datas inválidas, invertidas e períodos longos', () => {
    expect(periodProblem('31/02/2026', '', 'pt', today)).toBe('Data inicial inválida: use dd/mm/aaaa.')
    expect(periodProblem('', '2026-01-01', 'pt', today)).toBe('Data final inválida: use dd/mm/aaaa.')
    expect(periodProblem('10/12/2026', '01/12/2026', 'pt', today)).toBe('A data inicial deve ser anterior à data final.')
    expect(periodProblem('01/01/2026', '31/12/2026', 'pt', today)).toBe('O período máximo de consulta é de 180 dias.')
    expect(periodProblem('01/01/2026', '', 'pt', today)).toBe('O período máximo de consulta é de 180 dias.')
    expect(periodProblem('01/01/2026', '', 'en', today)).toBe('The longest period is 180 days.')
  })
})
