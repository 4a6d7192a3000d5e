-- A caller's number is free text of up to 30 characters ("办公室座机转8001", "匿名"): sealed, 30 Chinese characters
-- take some 165 characters, more than V29 allowed.
ALTER TABLE duty_log_entry ALTER COLUMN caller_phone SET DATA TYPE VARCHAR(200);
