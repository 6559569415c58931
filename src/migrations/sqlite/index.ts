import * as migration_20261125_122836_initial from './20261125_122836_initial';

export const migrations = [
  {
    up: migration_20261125_122836_initial.up,
    down: migration_20261125_122836_initial.down,
    name: '20261125_122836_initial'
  },
];
