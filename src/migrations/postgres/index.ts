import * as migration_20261129_194628_initial from './20261129_194628_initial';

export const migrations = [
  {
    up: migration_20261129_194628_initial.up,
    down: migration_20261129_194628_initial.down,
    name: '20261129_194628_initial'
  },
];
