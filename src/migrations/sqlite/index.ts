import * as migration_20261129_193033_initial from './20261129_193033_initial';

export const migrations = [
  {
    up: migration_20261129_193033_initial.up,
    down: migration_20261129_193033_initial.down,
    name: '20261129_193033_initial'
  },
];
