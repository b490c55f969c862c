-- Run history for a fleet of benchmark machines. The full record is kept as JSON (what the
-- suite reads back); the columns beside it make runs queryable with plain SQL.
create table runs (
    run_id              text        primary key,
    schema_version      integer     not null,
    started_at          timestamptz,
    finished_at         timestamptz,
    kind                text        not null,
    note                text,
    machine_fingerprint text,
    cpu_model           text,
    threads             integer,
    suite_version       text,
    git_commit          text,
    hostname            text,
    record              jsonb       not null,
    pushed_at           timestamptz not null default now()
);
create index runs_machine_idx on runs (machine_fingerprint, started_at);
create index runs_suite_idx on runs (suite_version);

-- One row per route that took part in a run, with the framework release it ran on.
create table run_routes (
    run_id            text not null references runs (run_id) on delete cascade,
    route             text not null,
    framework         text,
    framework_version text,
    style             text,
    primary key (run_id, route)
);
create index run_routes_route_idx on run_routes (route, framework_version);

-- One row per measured number; raw JMH samples kept because the comparison's test needs them.
create table results (
    id          bigserial primary key,
    run_id      text not null references runs (run_id) on delete cascade,
    route       text not null,
    metric      text not null,
    batch_size  integer,
    threads     integer,
    seed        bigint,
    value       double precision,
    error       double precision,
    unit        text,
    status      text not null,
    failure     text,
    raw_samples double precision[]
);
create index results_route_metric_idx on results (route, metric);

-- The run a team compares against; one slot per name ('default' unless told otherwise).
create table baselines (
    slot   text primary key,
    run_id text not null references runs (run_id)
);
