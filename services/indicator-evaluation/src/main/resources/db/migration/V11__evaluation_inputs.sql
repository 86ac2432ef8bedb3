-- The facts the evaluation reads, as the school-data events stated them last (a projection of consumed events).
create table input_schools (
    district_code text  not null,
    school_code   text  not null,
    profile       jsonb not null,
    status        text  not null,
    primary key (district_code, school_code)
);

create table input_statistics (
    district_code text  not null,
    period        int   not null,
    school_code   text  not null,
    profile       jsonb not null,
    statistics    jsonb not null,
    primary key (district_code, period, school_code)
);

create table input_county_figures (
    district_code text  not null,
    period        int   not null,
    kind          text  not null,
    figures       jsonb not null,
    primary key (district_code, period, kind)
);

-- the latest judgment per indicator and subject is in force
create table input_attestations (
    district_code text  not null,
    period        int   not null,
    indicator     text  not null,
    subject_key   text  not null,
    attestation   jsonb not null,
    primary key (district_code, period, indicator, subject_key)
);

-- district periods whose inputs changed since they were last evaluated
create table evaluation_requests (
    district_code text        not null,
    period        int         not null,
    requested_at  timestamptz not null default now(),
    primary key (district_code, period)
);
