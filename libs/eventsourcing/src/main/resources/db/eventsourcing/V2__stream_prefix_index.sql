-- Prefix reads (all finding streams of a district period, all schools of a district) scan a byte-order range of
-- stream ids. The unique (stream_id, version) index follows the database collation, in which a prefix is not a
-- contiguous range (and LIKE cannot use it), so without this index each prefix read scanned the whole log.
create index events_stream_id_bytes on events ((stream_id collate "C"), version);
