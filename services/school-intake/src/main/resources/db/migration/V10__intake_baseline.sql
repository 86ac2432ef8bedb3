-- school intake (学校数据采集): service tables start at V10; V1–V9 belong to the event-sourcing kit (db/eventsourcing).
comment on schema intake is 'Junheng school intake (学校数据采集)';
