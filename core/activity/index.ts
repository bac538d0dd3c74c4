export { memberActiveDays } from './schema.ts';
export { activityMiddleware } from './middleware.ts';
export { ActivityRecorder, activityRecorderFor, forgetRecordedActivity, type ViewKind } from './recorder.ts';
