import * as migration_20261129_193040_initial from './20261129_193040_initial';

export const migrations = [
  {
    up: migration_20261129_193040_initial.up,
    down: migration_20261129_193040_initial.down,
    name: '20261129_193040_initial'
  },
];
