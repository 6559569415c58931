import * as migration_20261202_055500_initial from './20261202_055500_initial';

export const migrations = [
  {
    up: migration_20261202_055500_initial.up,
    down: migration_20261202_055500_initial.down,
    name: '20261202_055500_initial'
  },
];
