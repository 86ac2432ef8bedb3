-- what the notices need to know about each task (from TaskOpened, kept up by later task events)
create table task_facts (
    task_id uuid primary key,
    fact    jsonb not null
);

-- the notices (projection "notices", rebuilt from the log); seq is the SSE event id: assigned in feed order, so a
-- subscriber resuming after seq n misses nothing committed before and gets nothing twice
create table notices (
    seq             bigserial primary key,
    notice_id       uuid        not null unique,
    district_code   text        not null,
    audience_kind   text        not null,
    audience_code   text,
    kind            text        not null,
    severity        text        not null,
    title           text        not null,
    body            text        not null,
    finding_ids     uuid[]      not null,
    task_ids        uuid[]      not null,
    school_codes    text[]      not null,
    issued_at       timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by text,
    notice          jsonb       not null
);
create index notices_by_audience on notices (district_code, audience_kind, audience_code, seq);
create index notices_by_finding on notices using gin (finding_ids);

-- every event about a finding from the other services, as consumed (the cross-service timeline)
create table timeline_entries (
    finding_id     uuid        not null,
    event_id       text        not null,
    source         text        not null,
    event_type     text        not null,
    occurred_at    timestamptz not null,
    actor          text,
    correlation_id text,
    causation_id   text,
    payload        jsonb       not null,
    primary key (finding_id, event_id)
);
