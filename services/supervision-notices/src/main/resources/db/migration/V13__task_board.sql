-- each task's standing as the rectification topic told it: the scorecards of the bulletins (通报)
create table task_board (
    task_id         uuid primary key,
    district_code   text        not null,
    lead_code       text        not null,
    lead_name       text        not null,
    due_date        date        not null,
    status          text        not null,
    overdue         boolean     not null default false,
    opened_at       timestamptz not null,
    settled_at      timestamptz,
    settled_on_time boolean,
    closure         text
);
create index task_board_by_district on task_board (district_code, lead_code);
