-- PostgreSQL's V13 lets a setting be longer than 4000 characters; SQLite never limited a varchar.
-- This keeps the two schema histories at the same version, which `db copy` checks.
select 1;
