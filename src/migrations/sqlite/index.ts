import * as migration_20261202_062918_initial from './20261202_062918_initial';

export const migrations = [
  {
    up: migration_20261202_062918_initial.up,
    down: migration_20261202_062918_initial.down,
    name: '20261202_062918_initial'
  },
];
