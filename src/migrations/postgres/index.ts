import * as migration_20261129_185358_initial from './20261129_185358_initial';

export const migrations = [
  {
    up: migration_20261129_185358_initial.up,
    down: migration_20261129_185358_initial.down,
    name: '20261129_185358_initial'
  },
];
