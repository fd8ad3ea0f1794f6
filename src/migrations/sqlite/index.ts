import * as migration_20261129_192104_initial from './20261129_192104_initial';

export const migrations = [
  {
    up: migration_20261129_192104_initial.up,
    down: migration_20261129_192104_initial.down,
    name: '20261129_192104_initial'
  },
];
