-- Mutators look rows up by the customer they belong to and by the import that brought them
-- (WriteTx.query on the server is `data ->> field = value`): index both, per table.
CREATE INDEX records_customer_idx ON records (org_id, tbl, (data ->> 'customerId')) WHERE NOT deleted;
CREATE INDEX records_import_idx ON records (org_id, tbl, (data ->> 'importId')) WHERE NOT deleted;
