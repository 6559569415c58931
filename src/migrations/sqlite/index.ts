import * as migration_20261125_122836_initial from './20261125_122836_initial';
import * as migration_20261201_215248_lean_indexes from './20261201_215248_lean_indexes';

export const migrations = [
  {
    up: migration_20261125_122836_initial.up,
    down: migration_20261125_122836_initial.down,
    name: '20261125_122836_initial',
  },
  {
    up: migration_20261201_215248_lean_indexes.up,
    down: migration_20261201_215248_lean_indexes.down,
    name: '20261201_215248_lean_indexes'
  },
];
