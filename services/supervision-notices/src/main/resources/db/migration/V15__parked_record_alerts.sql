-- When each district's supervision office was last told of a parked record, and how many were parked since
-- (ParkedRecordAlerts: at most one 系统运维提醒 per district per hour). Changed in the inbox's transaction.
create table parked_record_alerts (
    district_code text        not null primary key,
    last_alert_at timestamptz not null,
    parked_since  int         not null default 0
);
