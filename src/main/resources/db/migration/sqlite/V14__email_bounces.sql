-- A delivery status report (DSN) read from the bounce mailbox marks a sent email bounced, with the
-- report's status (5.1.1) and the remote server's diagnostic.
alter table email_message add column bounce_status varchar(20);
alter table email_message add column bounce_diagnostic varchar(1000);
