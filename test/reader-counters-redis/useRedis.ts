// Imported first: the shared suite reads it when it loads.
process.env.READER_COUNTERS_REDIS = '1'
