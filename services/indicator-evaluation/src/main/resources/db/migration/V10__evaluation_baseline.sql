-- indicator evaluation (指标评估): service tables start at V10; V1–V9 belong to the event-sourcing kit (db/eventsourcing).
comment on schema evaluation is 'Junheng indicator evaluation (指标评估)';
