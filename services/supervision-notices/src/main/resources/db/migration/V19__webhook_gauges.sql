-- The gauges operations watch (WebhookGauges) count failing and dead deliveries every 15 s on every replica: partial
-- indexes keep those counts to the rows they are about, however many deliveries have succeeded over the years.
create index webhook_deliveries_failing on webhook_deliveries (delivery_id) where status = 'PENDING' and attempts > 0;
create index webhook_deliveries_dead on webhook_deliveries (delivery_id) where status = 'DEAD';
