import { buildConfig } from 'payload'

import { newsroomAppConfig } from './appConfig'

export default buildConfig(newsroomAppConfig())
