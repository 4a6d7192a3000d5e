-- Who a signature or an entry was made for, when the one who made it was not on the shift: the office head signing a
-- handover for the shift's officer, or anyone writing the log for the shift's duty officer. Empty when made by them.
ALTER TABLE handover ADD COLUMN prepared_for_name VARCHAR(50);
ALTER TABLE handover ADD COLUMN accepted_for_name VARCHAR(50);
ALTER TABLE duty_log_entry ADD COLUMN written_by_name VARCHAR(50);
ALTER TABLE duty_log_entry ADD COLUMN written_for_name VARCHAR(100);
