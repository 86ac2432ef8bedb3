-- the rectification of each finding as junheng.rectification.v1 tells it, one row per task event with the lead unit
-- and due date in force after it: the ledger of any day names that day's 责任单位, 整改期限 and latest step
create table finding_task_steps (
    finding_id   uuid        not null,
    event_id     text        not null,
    occurred_at  timestamptz not null,
    lead_name    text        not null,
    due_date     date        not null,
    step         text        not null,
    primary key (finding_id, event_id)
);
create index finding_task_steps_by_time on finding_task_steps (finding_id, occurred_at);
