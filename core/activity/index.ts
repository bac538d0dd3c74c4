export { memberActiveDays } from './schema.ts';
export { activityMiddleware } from './middleware.ts';
export { ActivityRecorder, activityRecorderFor, type ViewKind } from './recorder.ts';
