export { ANY_CHANNEL, createLiveBus, type LiveBus, type LiveEvent } from './bus.ts';
export { liveRoutes } from './routes.ts';
export { livePollRoutes } from './poll.ts';
export { registerLivePublishing, registerNotificationPublishing } from './publish.ts';
