import * as migration_20261129_201441_initial from './20261129_201441_initial';
import * as migration_20261129_234409_stored_adjacent_links from './20261129_234409_stored_adjacent_links';
import * as migration_20261130_101201_article_status_lookup_index from './20261130_101201_article_status_lookup_index';
import * as migration_20261207_075443_editorial_workflow from './20261207_075443_editorial_workflow';
import * as migration_20261207_103842_embargo from './20261207_103842_embargo';
import * as migration_20261207_104917_corrections from './20261207_104917_corrections';
import * as migration_20261207_105455_audit_log from './20261207_105455_audit_log';
import * as migration_20261207_111137_updated_by from './20261207_111137_updated_by';
import * as migration_20261207_134615_users_active from './20261207_134615_users_active';
import * as migration_20261207_145519_search_index from './20261207_145519_search_index';
import * as migration_20261207_150545_content_changed_at from './20261207_150545_content_changed_at';
import * as migration_20261207_183643_reader_features from './20261207_183643_reader_features';
import * as migration_20261207_184100_search_recent_index from './20261207_184100_search_recent_index';
import * as migration_20261207_222335_site_globals_subscriptions from './20261207_222335_site_globals_subscriptions';
import * as migration_20261207_222424_reader_pending_email from './20261207_222424_reader_pending_email';
import * as migration_20261207_224735_pledge_title from './20261207_224735_pledge_title';
import * as migration_20261208_014530_search_gram_counts from './20261208_014530_search_gram_counts';

export const migrations = [
  {
    up: migration_20261129_201441_initial.up,
    down: migration_20261129_201441_initial.down,
    name: '20261129_201441_initial',
  },
  {
    up: migration_20261129_234409_stored_adjacent_links.up,
    down: migration_20261129_234409_stored_adjacent_links.down,
    name: '20261129_234409_stored_adjacent_links',
  },
  {
    up: migration_20261130_101201_article_status_lookup_index.up,
    down: migration_20261130_101201_article_status_lookup_index.down,
    name: '20261130_101201_article_status_lookup_index',
  },
  {
    up: migration_20261207_075443_editorial_workflow.up,
    down: migration_20261207_075443_editorial_workflow.down,
    name: '20261207_075443_editorial_workflow',
  },
  {
    up: migration_20261207_103842_embargo.up,
    down: migration_20261207_103842_embargo.down,
    name: '20261207_103842_embargo',
  },
  {
    up: migration_20261207_104917_corrections.up,
    down: migration_20261207_104917_corrections.down,
    name: '20261207_104917_corrections',
  },
  {
    up: migration_20261207_105455_audit_log.up,
    down: migration_20261207_105455_audit_log.down,
    name: '20261207_105455_audit_log',
  },
  {
    up: migration_20261207_111137_updated_by.up,
    down: migration_20261207_111137_updated_by.down,
    name: '20261207_111137_updated_by',
  },
  {
    up: migration_20261207_134615_users_active.up,
    down: migration_20261207_134615_users_active.down,
    name: '20261207_134615_users_active',
  },
  {
    up: migration_20261207_145519_search_index.up,
    down: migration_20261207_145519_search_index.down,
    name: '20261207_145519_search_index',
  },
  {
    up: migration_20261207_150545_content_changed_at.up,
    down: migration_20261207_150545_content_changed_at.down,
    name: '20261207_150545_content_changed_at',
  },
  {
    up: migration_20261207_183643_reader_features.up,
    down: migration_20261207_183643_reader_features.down,
    name: '20261207_183643_reader_features',
  },
  {
    up: migration_20261207_184100_search_recent_index.up,
    down: migration_20261207_184100_search_recent_index.down,
    name: '20261207_184100_search_recent_index',
  },
  {
    up: migration_20261207_222335_site_globals_subscriptions.up,
    down: migration_20261207_222335_site_globals_subscriptions.down,
    name: '20261207_222335_site_globals_subscriptions',
  },
  {
    up: migration_20261207_222424_reader_pending_email.up,
    down: migration_20261207_222424_reader_pending_email.down,
    name: '20261207_222424_reader_pending_email',
  },
  {
    up: migration_20261207_224735_pledge_title.up,
    down: migration_20261207_224735_pledge_title.down,
    name: '20261207_224735_pledge_title',
  },
  {
    up: migration_20261208_014530_search_gram_counts.up,
    down: migration_20261208_014530_search_gram_counts.down,
    name: '20261208_014530_search_gram_counts'
  },
];
