-- Junheng event-sourcing kit: the event store of one service, created in that service's own schema.
-- Versions V1–V9 belong to the kit; service migrations start at V10.

-- The log. It is also the outbox: the relay publishes it to Kafka in feed order.
create table events (
    global_position bigserial   not null primary key,
    -- the writing transaction; with pg_snapshot_xmin it lets feed readers skip nothing (see docs/event-store.md)
    transaction_id  xid8        not null default pg_current_xact_id(),
    stream_id       text        not null,
    stream_type     text        not null,
    version         bigint      not null check (version > 0),
    event_id        uuid        not null unique,
    event_type      text        not null,
    payload         jsonb       not null,
    metadata        jsonb       not null default '{}'::jsonb,
    recorded_at     timestamptz not null default clock_timestamp(),
    unique (stream_id, version)
);
create index events_feed_order on events (transaction_id, global_position);
create index events_recorded_at on events (recorded_at);

-- Where each relay (log -> Kafka) has got to in the feed.
create table relay_checkpoints (
    relay_name      text        not null primary key,
    transaction_id  xid8        not null,
    global_position bigint      not null,
    published       bigint      not null default 0,
    updated_at      timestamptz not null default now()
);

-- Where each projection has got to in the feed; written in the same transaction as the projection's rows.
create table projection_checkpoints (
    projection_name text        not null primary key,
    transaction_id  xid8        not null,
    global_position bigint      not null,
    updated_at      timestamptz not null default now()
);

-- Idempotent consumption: a message id is recorded in the same transaction as the state change it caused.
create table inbox (
    consumer     text        not null,
    message_id   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, message_id)
);
