import * as migration_20261202_091705_initial from './20261202_091705_initial';
import * as migration_20261202_160256_lines_company_created from './20261202_160256_lines_company_created';
import * as migration_20261202_161221_consumption_timestamps from './20261202_161221_consumption_timestamps';

export const migrations = [
  {
    up: migration_20261202_091705_initial.up,
    down: migration_20261202_091705_initial.down,
    name: '20261202_091705_initial',
  },
  {
    up: migration_20261202_160256_lines_company_created.up,
    down: migration_20261202_160256_lines_company_created.down,
    name: '20261202_160256_lines_company_created',
  },
  {
    up: migration_20261202_161221_consumption_timestamps.up,
    down: migration_20261202_161221_consumption_timestamps.down,
    name: '20261202_161221_consumption_timestamps'
  },
];
