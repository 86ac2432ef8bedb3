-- the names of the co-responsible units (配合单位), in the order of co_codes: the scorecards count what each unit
-- helps with next to what it leads. Rows from before keep codes only until the projection is rebuilt from the log.
alter table tasks add column co_names text[] not null default '{}';
create index tasks_by_helper on tasks using gin (co_codes);

-- what a task asks for: RECTIFICATION (整改, a finding) or DATA_SUBMISSION (报送, data a readiness reason lacks)
alter table tasks add column kind text not null default 'RECTIFICATION';
