import * as migration_20261125_122838_initial from './20261125_122838_initial';
import * as migration_20261201_215250_lean_indexes from './20261201_215250_lean_indexes';

export const migrations = [
  {
    up: migration_20261125_122838_initial.up,
    down: migration_20261125_122838_initial.down,
    name: '20261125_122838_initial',
  },
  {
    up: migration_20261201_215250_lean_indexes.up,
    down: migration_20261201_215250_lean_indexes.down,
    name: '20261201_215250_lean_indexes'
  },
];
