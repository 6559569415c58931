import * as migration_20261125_122838_initial from './20261125_122838_initial';

export const migrations = [
  {
    up: migration_20261125_122838_initial.up,
    down: migration_20261125_122838_initial.down,
    name: '20261125_122838_initial'
  },
];
