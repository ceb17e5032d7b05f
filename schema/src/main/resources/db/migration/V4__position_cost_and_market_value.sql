-- Lots keep their cost; market-data resets move a reference price (issue "Positions you can trust").
-- cost x quantity has 16 decimals (8 + 8): stored exactly, no rounding. Rows written before this
-- migration have no market value until their position's next event.
ALTER TABLE snapshot_store ALTER COLUMN cost_basis TYPE NUMERIC(38, 16);
ALTER TABLE snapshot_store ADD COLUMN market_value NUMERIC(38, 16);
