import * as migration_20261125_110650_initial from './20261125_110650_initial';

export const migrations = [
  {
    up: migration_20261125_110650_initial.up,
    down: migration_20261125_110650_initial.down,
    name: '20261125_110650_initial'
  },
];
