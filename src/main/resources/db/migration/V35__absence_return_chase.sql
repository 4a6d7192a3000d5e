-- When the pass opened the overdue-return obligation of an absence: claimed by one instance with a conditional
-- update, so two instances never chase the same return twice, and the pass's query skips what is already chased.
ALTER TABLE absence_notice ADD COLUMN return_chased_at TIMESTAMP WITH TIME ZONE;
