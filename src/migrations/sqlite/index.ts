import * as migration_20261202_091643_initial from './20261202_091643_initial';

export const migrations = [
  {
    up: migration_20261202_091643_initial.up,
    down: migration_20261202_091643_initial.down,
    name: '20261202_091643_initial'
  },
];
