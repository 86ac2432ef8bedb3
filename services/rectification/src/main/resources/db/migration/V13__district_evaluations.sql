-- the evaluation's county results and readiness as junheng.evaluation.v1 tells them, each with its time: the
-- rectification report of any day states every indicator as it stood that day
create table district_evaluations (
    event_id      text        primary key,
    district_code text        not null,
    period        int         not null,
    kind          text        not null check (kind in ('COUNTY', 'READINESS')),
    occurred_at   timestamptz not null,
    payload       jsonb       not null
);
create index district_evaluations_by_time on district_evaluations (district_code, period, kind, occurred_at);
