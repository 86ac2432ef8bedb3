-- the measures (整改措施) a task's lead planned: a version of the rectification plan (整改方案) lists them.
-- Rows projected before keep none until the projection is rebuilt from the log.
alter table tasks add column measures text;
