import * as migration_20261129_195935_initial from './20261129_195935_initial';

export const migrations = [
  {
    up: migration_20261129_195935_initial.up,
    down: migration_20261129_195935_initial.down,
    name: '20261129_195935_initial'
  },
];
