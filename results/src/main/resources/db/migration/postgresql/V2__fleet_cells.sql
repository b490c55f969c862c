-- The fleet's work queue: one row per cell of a planned release matrix (one measurement a single
-- machine runs). Workers claim rows with SELECT ... FOR UPDATE SKIP LOCKED; a lease (owner, random
-- token, expiry on the server's clock) says who works on a cell, so a lost worker's cell is
-- claimed again once its lease expires. The result is a run in `runs`, stored in the same
-- transaction that marks the cell done.
create table fleet_cells (
    cell_key         text        primary key,  -- hash of plan + cell: planning again adds nothing
    seq              bigint      generated always as identity,  -- planning order: claims and tables follow it
    plan             text        not null,     -- the plan's name (matrix --plan --name)
    label            text        not null,     -- human-readable cell, for status and logs
    cell             jsonb       not null,     -- what the worker runs (io.mlpbench.results.fleet.FleetCell)
    hardware_class   text        not null,     -- HardwareClass.key() a worker must have to claim it
    status           text        not null default 'queued'
                     check (status in ('queued', 'running', 'done', 'failed')),
    attempts         integer     not null default 0,
    max_attempts     integer     not null check (max_attempts > 0),
    lease_owner      text,
    lease_token      uuid,
    lease_expires_at timestamptz,
    last_error       text,
    worker           text,                     -- the worker of the latest attempt
    created_at       timestamptz not null default now(),
    claimed_at       timestamptz,
    finished_at      timestamptz,
    result_run_id    text        references runs (run_id),
    result           jsonb                     -- a short summary of the stored run
);
create index fleet_cells_claim_idx on fleet_cells (hardware_class, seq)
    where status in ('queued', 'running');
create index fleet_cells_plan_idx on fleet_cells (plan, status);
