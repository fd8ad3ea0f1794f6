/**
 * The reader-counters suite again with the counter store in Redis (a redis-server of its own, see
 * test/helpers/redis.ts): votes' limits, views' buffer and de-duplication, most-read buckets and
 * presence shared as several app processes would share them.
 */
import './useRedis'
import '../reader-counters/int.spec'
