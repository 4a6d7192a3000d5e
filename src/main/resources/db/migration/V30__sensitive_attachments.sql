-- An attachment marked sensitive (holding personal information) keeps its content sealed with SM4-GCM (ADR 0024);
-- sealed_with names the key version it is sealed under (v3.), null for a file kept as it was uploaded.
ALTER TABLE duty_log_attachment ADD COLUMN sensitive BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE duty_log_attachment ADD COLUMN sealed_with VARCHAR(12);
