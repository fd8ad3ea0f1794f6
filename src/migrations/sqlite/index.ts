import * as migration_20261129_185349_initial from './20261129_185349_initial';

export const migrations = [
  {
    up: migration_20261129_185349_initial.up,
    down: migration_20261129_185349_initial.down,
    name: '20261129_185349_initial'
  },
];
