import * as migration_20261129_201446_initial from './20261129_201446_initial';
import * as migration_20261129_210830_cache_purge_event from './20261129_210830_cache_purge_event';
import * as migration_20261129_234414_stored_adjacent_links from './20261129_234414_stored_adjacent_links';
import * as migration_20261207_075455_editorial_workflow from './20261207_075455_editorial_workflow';
import * as migration_20261207_103853_embargo from './20261207_103853_embargo';
import * as migration_20261207_104929_corrections from './20261207_104929_corrections';
import * as migration_20261207_105502_audit_log from './20261207_105502_audit_log';
import * as migration_20261207_111151_updated_by from './20261207_111151_updated_by';
import * as migration_20261207_111535_desk_events from './20261207_111535_desk_events';
import * as migration_20261207_112006_record_events from './20261207_112006_record_events';
import * as migration_20261207_134636_users_active from './20261207_134636_users_active';
import * as migration_20261207_134753_audit_derived_writes from './20261207_134753_audit_derived_writes';
import * as migration_20261207_145525_search_index from './20261207_145525_search_index';
import * as migration_20261207_150602_content_changed_at from './20261207_150602_content_changed_at';
import * as migration_20261207_183651_reader_features from './20261207_183651_reader_features';
import * as migration_20261207_184100_search_recent_index from './20261207_184100_search_recent_index';
import * as migration_20261207_222338_site_globals_subscriptions from './20261207_222338_site_globals_subscriptions';
import * as migration_20261207_222427_reader_pending_email from './20261207_222427_reader_pending_email';
import * as migration_20261207_224740_pledge_title from './20261207_224740_pledge_title';
import * as migration_20261208_014539_search_gram_counts from './20261208_014539_search_gram_counts';

export const migrations = [
  {
    up: migration_20261129_201446_initial.up,
    down: migration_20261129_201446_initial.down,
    name: '20261129_201446_initial',
  },
  {
    up: migration_20261129_210830_cache_purge_event.up,
    down: migration_20261129_210830_cache_purge_event.down,
    name: '20261129_210830_cache_purge_event',
  },
  {
    up: migration_20261129_234414_stored_adjacent_links.up,
    down: migration_20261129_234414_stored_adjacent_links.down,
    name: '20261129_234414_stored_adjacent_links',
  },
  {
    up: migration_20261207_075455_editorial_workflow.up,
    down: migration_20261207_075455_editorial_workflow.down,
    name: '20261207_075455_editorial_workflow',
  },
  {
    up: migration_20261207_103853_embargo.up,
    down: migration_20261207_103853_embargo.down,
    name: '20261207_103853_embargo',
  },
  {
    up: migration_20261207_104929_corrections.up,
    down: migration_20261207_104929_corrections.down,
    name: '20261207_104929_corrections',
  },
  {
    up: migration_20261207_105502_audit_log.up,
    down: migration_20261207_105502_audit_log.down,
    name: '20261207_105502_audit_log',
  },
  {
    up: migration_20261207_111151_updated_by.up,
    down: migration_20261207_111151_updated_by.down,
    name: '20261207_111151_updated_by',
  },
  {
    up: migration_20261207_111535_desk_events.up,
    down: migration_20261207_111535_desk_events.down,
    name: '20261207_111535_desk_events',
  },
  {
    up: migration_20261207_112006_record_events.up,
    down: migration_20261207_112006_record_events.down,
    name: '20261207_112006_record_events',
  },
  {
    up: migration_20261207_134636_users_active.up,
    down: migration_20261207_134636_users_active.down,
    name: '20261207_134636_users_active',
  },
  {
    up: migration_20261207_134753_audit_derived_writes.up,
    down: migration_20261207_134753_audit_derived_writes.down,
    name: '20261207_134753_audit_derived_writes',
  },
  {
    up: migration_20261207_145525_search_index.up,
    down: migration_20261207_145525_search_index.down,
    name: '20261207_145525_search_index',
  },
  {
    up: migration_20261207_150602_content_changed_at.up,
    down: migration_20261207_150602_content_changed_at.down,
    name: '20261207_150602_content_changed_at',
  },
  {
    up: migration_20261207_183651_reader_features.up,
    down: migration_20261207_183651_reader_features.down,
    name: '20261207_183651_reader_features',
  },
  {
    up: migration_20261207_184100_search_recent_index.up,
    down: migration_20261207_184100_search_recent_index.down,
    name: '20261207_184100_search_recent_index',
  },
  {
    up: migration_20261207_222338_site_globals_subscriptions.up,
    down: migration_20261207_222338_site_globals_subscriptions.down,
    name: '20261207_222338_site_globals_subscriptions',
  },
  {
    up: migration_20261207_222427_reader_pending_email.up,
    down: migration_20261207_222427_reader_pending_email.down,
    name: '20261207_222427_reader_pending_email',
  },
  {
    up: migration_20261207_224740_pledge_title.up,
    down: migration_20261207_224740_pledge_title.down,
    name: '20261207_224740_pledge_title',
  },
  {
    up: migration_20261208_014539_search_gram_counts.up,
    down: migration_20261208_014539_search_gram_counts.down,
    name: '20261208_014539_search_gram_counts'
  },
];
