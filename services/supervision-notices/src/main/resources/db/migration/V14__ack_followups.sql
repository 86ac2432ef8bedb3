-- reminders and escalations already sent for unacknowledged notices (operational state of the follow-up schedule)
create table ack_followups (
    notice_id uuid primary key,
    resends   int     not null default 0,
    escalated boolean not null default false
);
