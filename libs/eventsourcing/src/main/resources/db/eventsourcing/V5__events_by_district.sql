-- the audit export reads one district's events in log order (AuditExport in service-support)
create index events_by_district on events ((metadata ->> 'district'), global_position);
