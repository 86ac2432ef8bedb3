-- rectification (整改): service tables start at V10; V1–V9 belong to the event-sourcing kit (db/eventsourcing).
comment on schema rectification is 'Junheng rectification (整改)';
