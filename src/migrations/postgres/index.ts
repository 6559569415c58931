import * as migration_20261202_055528_initial from './20261202_055528_initial';

export const migrations = [
  {
    up: migration_20261202_055528_initial.up,
    down: migration_20261202_055528_initial.down,
    name: '20261202_055528_initial'
  },
];
