export { createMailer, headerSafe, type Mailer, type MailerOptions, type OutgoingMail } from './mailer.ts';
export { DeliveryBusyError, DeliveryError, SENDING_LEASE_SECONDS, type DeliverOptions, type DeliveryResult } from './deliver.ts';
export { safeHeaders } from './headers.ts';
export { defineMailJobs, MAIL_SEND_RETRY, MAIL_SWEEP_JOB, sweepableMail } from './jobs.ts';
export { enqueueMail, MAIL_SEND_JOB, queueMail } from './queue.ts';
export { mailMessages, mailStatusEnum, type MailMessage, type MailStatus } from './schema.ts';
export { insertMail, type QueuedMail } from './store.ts';
