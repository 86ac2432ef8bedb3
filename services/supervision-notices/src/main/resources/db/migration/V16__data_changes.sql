-- the data submissions and corrections of junheng.school-data.v1, as consumed: a finding resolved by data names the
-- change that resolved it and who made it (the printable timeline)
create table data_changes (
    event_id      text        primary key,
    district_code text        not null,
    period        int         not null,
    school_code   text,
    event_type    text        not null,
    occurred_at   timestamptz not null,
    actor         text,
    payload       jsonb       not null
);
create index data_changes_by_school on data_changes (district_code, school_code, occurred_at);
