import * as migration_20261207_065248_initial from './20261207_065248_initial';

export const migrations = [
  {
    up: migration_20261207_065248_initial.up,
    down: migration_20261207_065248_initial.down,
    name: '20261207_065248_initial'
  },
];
