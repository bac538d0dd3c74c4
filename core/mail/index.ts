export { createMailer, type Mailer, type OutgoingMail } from './mailer.ts';
export { mailMessages, type MailMessage } from './schema.ts';
