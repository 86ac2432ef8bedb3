-- met items of a readiness verdict that rest on the county's own survey (SR1, EQ9): the verdict is provisional
alter table ledger_readiness add column provisional jsonb not null default '[]'::jsonb;
