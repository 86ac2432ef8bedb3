-- the measured value exactly (a fraction p/q, an integer, or a coefficient to 34 digits) beside the rounded one
alter table ledger_items add column measured_exact text;
