-- what each district configured: its responsibility matrix (责任分工) and campaign (创建工作安排); absent = defaults
create table district_settings (
    district_code  text   primary key,
    matrix         jsonb,
    campaign       jsonb,
    version        bigint not null default 1,
    updated_at     timestamptz not null default now()
);

-- the task list (projection "tasks", rebuilt from the log)
create table tasks (
    task_id        uuid primary key,
    district_code  text    not null,
    finding_id     uuid    not null unique,
    period         int     not null,
    subject_key    text    not null,
    school_code    text,
    school_name    text,
    section        text,
    indicator      text    not null,
    severity       text    not null,
    title          text    not null,
    gap            text    not null,
    lead_code      text    not null,
    lead_name      text    not null,
    co_codes       text[]  not null,
    due_date       date    not null,
    status         text    not null,
    responsible    text,
    rounds         int     not null default 0,
    rejections     int     not null default 0,
    percent_complete int   not null default 0,
    evidence_count int     not null default 0,
    overdue        boolean not null default false,
    escalation     text,
    verification   text,
    closure        text,
    opened_at      timestamptz not null,
    settled_at     timestamptz,
    settled_on_time boolean,
    version        bigint  not null
);
create index tasks_by_district on tasks (district_code, status);
create index tasks_by_lead on tasks (district_code, lead_code);
create index tasks_due on tasks (due_date) where status not in ('VERIFIED', 'CLOSED');
