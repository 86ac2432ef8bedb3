-- when the latest evaluation completed and its position in the event log: the "数据截至" people read
alter table ledger_runs add column completed_at timestamptz;
alter table ledger_runs add column completed_position bigint;
