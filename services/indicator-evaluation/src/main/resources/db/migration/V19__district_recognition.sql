-- the district's stage on its road to recognition (创建进程), as the rectification service last recorded it: shown
-- beside the readiness verdict. Kept from junheng.rectification.v1 (RecognitionStageRecorded).
create table district_recognition (
    district_code  text        primary key,
    stage          text        not null,
    stage_label    text        not null,
    recorded_at    timestamptz not null,
    event_id       uuid        not null
);
