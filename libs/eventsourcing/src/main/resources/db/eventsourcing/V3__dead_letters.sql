-- Records a consumer could not handle (not a CloudEvent, an unknown type, a payload that breaks its schema, too large,
-- or handling that failed the same way several times), parked so that consumption goes on with the next record.
-- One row per consumer and record position: a redelivered poison record finds its row and parks nothing twice.
create table dead_letters (
    id              bigserial   not null primary key,
    consumer        text        not null,
    topic           text        not null,
    kafka_partition int         not null,
    kafka_offset    bigint      not null,
    record_key      text,
    -- [{"key": "...", "value": "<base64>"}]: header values are bytes, and jsonb holds no NUL
    headers         jsonb       not null default '[]'::jsonb,
    record_value    bytea,
    reason          text        not null,
    error           text        not null,
    attempts        int         not null default 1,
    parked_at       timestamptz not null default now(),
    status          text        not null default 'PARKED' check (status in ('PARKED', 'RETRIED', 'DISCARDED')),
    resolved_at     timestamptz,
    resolved_by     text,
    resolution      text,
    unique (consumer, topic, kafka_partition, kafka_offset)
);
create index dead_letters_parked on dead_letters (consumer, parked_at) where status = 'PARKED';
