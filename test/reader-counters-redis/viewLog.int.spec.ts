/** The view log suite again with the counter store in Redis (as a worker behind the edge has it). */
import './useRedis'
import '../reader-counters/viewLog.int.spec'
