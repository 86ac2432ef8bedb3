-- evidence files (佐证材料), content-addressed: one row per distinct content, however many tasks attach it; the
-- content in 1 MiB chunks. Written in the transaction that appends the EvidenceAttached event (EvidenceFiles).
create table evidence_files (
    sha256      text        primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    media_type  text        not null,
    size        bigint      not null check (size > 0),
    chunks      int         not null check (chunks > 0),
    stored_at   timestamptz not null default now()
);

create table evidence_chunks (
    sha256  text  not null references evidence_files (sha256),
    seq     int   not null check (seq >= 0),
    data    bytea not null,
    primary key (sha256, seq)
);
