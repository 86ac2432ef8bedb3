-- what caused a pending evaluation: the last input message and its correlation id go into the run's event metadata
alter table evaluation_requests add column correlation_id text, add column caused_by text;

-- what the standard leaves to each district: the year of its 基本均衡 recognition (a readiness precondition)
create table district_settings (
    district_code             text primary key,
    basic_balance_recognised_in int,
    updated_at                timestamptz not null default now()
);

-- 台账: one row per item and subject of the latest completed run (projection "ledger", rebuilt from the log)
create table ledger_items (
    district_code text    not null,
    period        int     not null,
    subject_key   text    not null,
    indicator     text    not null,
    subject_level text    not null,
    school_code   text,
    school_name   text,
    section       text,
    measured      numeric,
    required      numeric,
    met           boolean not null,
    severity      text,
    gap           text,
    finding_id    uuid    not null,
    standard_version text not null,
    run_transaction xid8  not null,
    primary key (district_code, period, subject_key, indicator)
);

create table ledger_variations (
    district_code text  not null,
    period        int   not null,
    indicator     text  not null,
    variation     jsonb not null,
    run_transaction xid8 not null,
    primary key (district_code, period, indicator)
);

create table ledger_readiness (
    district_code    text    not null,
    period           int     not null,
    standard_version text    not null,
    ready            boolean not null,
    reasons          jsonb   not null,
    open_findings    int     not null,
    primary key (district_code, period)
);

create table ledger_runs (
    district_code    text   not null,
    period           int    not null,
    runs             int    not null,
    last_completed   jsonb  not null,
    primary key (district_code, period)
);

-- every finding's current state (projection "ledger"): the finding list and the 整改销号 marks of the met ledger
create table findings (
    finding_id    uuid primary key,
    district_code text   not null,
    period        int    not null,
    subject_key   text   not null,
    indicator     text   not null,
    school_code   text,
    status        text   not null,
    severity      text   not null,
    latest        jsonb  not null,
    raised_at     timestamptz not null,
    resolved_at   timestamptz,
    version       bigint not null
);
create index findings_by_district on findings (district_code, period, status);
