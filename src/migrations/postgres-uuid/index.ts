import * as migration_20261207_065248_initial from './20261207_065248_initial';
import * as migration_20261207_075507_editorial_workflow from './20261207_075507_editorial_workflow';
import * as migration_20261207_103803_desk_events from './20261207_103803_desk_events';

export const migrations = [
  {
    up: migration_20261207_065248_initial.up,
    down: migration_20261207_065248_initial.down,
    name: '20261207_065248_initial',
  },
  {
    up: migration_20261207_075507_editorial_workflow.up,
    down: migration_20261207_075507_editorial_workflow.down,
    name: '20261207_075507_editorial_workflow',
  },
  {
    up: migration_20261207_103803_desk_events.up,
    down: migration_20261207_103803_desk_events.down,
    name: '20261207_103803_desk_events'
  },
];
