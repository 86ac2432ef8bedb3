-- supervision notices (督导通报): service tables start at V10; V1–V9 belong to the event-sourcing kit (db/eventsourcing).
comment on schema notices is 'Junheng supervision notices (督导通报)';
