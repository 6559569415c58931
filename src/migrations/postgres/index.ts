import * as migration_20261202_091705_initial from './20261202_091705_initial';

export const migrations = [
  {
    up: migration_20261202_091705_initial.up,
    down: migration_20261202_091705_initial.down,
    name: '20261202_091705_initial'
  },
];
