-- Whether the registering office's deadline was counted from its policy (a provincial leader's instruction without a
-- deadline of its own), so that it is counted again when the year's holiday notice it was provisionally counted on
-- is loaded. Instructions registered before this column are left as they were.
ALTER TABLE instruction ADD COLUMN due_by_policy BOOLEAN DEFAULT FALSE NOT NULL;
