import * as migration_20261129_195928_initial from './20261129_195928_initial';

export const migrations = [
  {
    up: migration_20261129_195928_initial.up,
    down: migration_20261129_195928_initial.down,
    name: '20261129_195928_initial'
  },
];
