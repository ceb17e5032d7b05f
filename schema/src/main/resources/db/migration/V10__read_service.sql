-- The read service's positions of a portfolio (account) or of an instrument: the first and second part of the
-- position key (ACCOUNT:INSTRUMENT:CCY), each with the key itself for keyset paging.
CREATE INDEX snapshot_store_account_idx ON snapshot_store (split_part(position_key, ':', 1), position_key);
CREATE INDEX snapshot_store_instrument_idx ON snapshot_store (split_part(position_key, ':', 2), position_key);
