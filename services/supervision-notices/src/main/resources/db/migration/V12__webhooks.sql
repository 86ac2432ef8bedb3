-- webhook subscriptions of departments and offices; the secret signs every delivery (Standard Webhooks)
create table webhook_subscriptions (
    subscription_id uuid primary key,
    district_code   text        not null,
    audience_kind   text,
    audience_code   text,
    kinds           text[],
    url             text        not null,
    secret          text        not null,
    active          boolean     not null default true,
    created_by      text,
    created_at      timestamptz not null default now()
);

-- the delivery outbox: one row per notice and subscription, retried with backoff until delivered or dead
create table webhook_deliveries (
    delivery_id     bigserial primary key,
    subscription_id uuid        not null references webhook_subscriptions,
    notice_id       uuid        not null,
    notice_seq      bigint      not null,
    status          text        not null default 'PENDING',
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_attempt_at timestamptz,
    last_status     int,
    last_error      text,
    delivered_at    timestamptz,
    unique (subscription_id, notice_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';

-- how far the dispatcher has turned notices into deliveries (by notice seq)
create table webhook_cursor (
    id       int primary key default 1 check (id = 1),
    last_seq bigint not null
);
insert into webhook_cursor values (1, 0);
