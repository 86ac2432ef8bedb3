-- what one unit of a resource costs (元 per m², per teacher …) per RA code, for the cost of remedies (整改建议)
alter table district_settings add column unit_costs jsonb not null default '{}'::jsonb;
-- per year since the 基本均衡 recognition: whether the yearly monitoring found the county still at a high level
alter table district_settings add column basic_balance_monitoring jsonb not null default '{}'::jsonb;
