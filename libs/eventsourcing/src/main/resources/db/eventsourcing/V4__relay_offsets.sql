-- Where the relay's records reached on each topic partition: the offset after the last one the broker acknowledged.
-- A partition whose end offset is found behind this has lost history (a wiped or replaced broker); the relay then
-- republishes from the first event missing there (OutboxRelay.checkHistory).
create table relay_offsets (
    relay_name      text        not null,
    topic           text        not null,
    kafka_partition integer     not null,
    next_offset     bigint      not null,
    updated_at      timestamptz not null default now(),
    primary key (relay_name, topic, kafka_partition)
);
