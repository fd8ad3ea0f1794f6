import * as migration_20261129_201441_initial from './20261129_201441_initial';

export const migrations = [
  {
    up: migration_20261129_201441_initial.up,
    down: migration_20261129_201441_initial.down,
    name: '20261129_201441_initial'
  },
];
