-- GG13 per section as the county ratio, with the schools admitting from outside their catchment (CountyEvaluated)
create table ledger_catchment (
    district_code   text  not null,
    period          int   not null,
    section         text  not null,
    ratio           jsonb not null,
    run_transaction xid8  not null,
    primary key (district_code, period, section)
);
