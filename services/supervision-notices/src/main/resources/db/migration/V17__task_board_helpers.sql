-- the co-responsible units (配合单位) of each task, [{"code": "cz", "name": "区财政局"}, …]: bulletins count what each
-- unit helps with next to what it leads. Rows from before are filled in by a replay of the rectification topic.
alter table task_board add column co_departments jsonb not null default '[]';
