import * as migration_20261129_192121_initial from './20261129_192121_initial';

export const migrations = [
  {
    up: migration_20261129_192121_initial.up,
    down: migration_20261129_192121_initial.down,
    name: '20261129_192121_initial'
  },
];
