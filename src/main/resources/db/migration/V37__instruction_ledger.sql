-- The 督办台账 of every unit: one row per instruction for each unit that has it in its subtree's ledger — every
-- ancestor (and itself) of the registering office and of each unit asked to act — so that a province's first page
-- of open instructions is an index range, not a join of its 10,000 units with every instruction. Units are never
-- moved in the tree (Units.update refuses a new parent), so the rows stay true.
CREATE TABLE instruction_ledger (
    unit_id         UUID                     NOT NULL REFERENCES unit (id),
    instruction_id  UUID                     NOT NULL REFERENCES instruction (id),
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    still_open      BOOLEAN                  NOT NULL,
    PRIMARY KEY (unit_id, instruction_id)
);
CREATE INDEX instruction_ledger_open_idx ON instruction_ledger (unit_id, still_open, registered_at, instruction_id);
CREATE INDEX instruction_ledger_all_idx ON instruction_ledger (unit_id, registered_at, instruction_id);
CREATE INDEX instruction_ledger_instruction_idx ON instruction_ledger (instruction_id);

INSERT INTO instruction_ledger (unit_id, instruction_id, registered_at, still_open)
SELECT DISTINCT c.ancestor_id, i.id, i.registered_at,
       CASE WHEN EXISTS (SELECT 1 FROM instruction_assignment o WHERE o.instruction_id = i.id
                         AND o.status NOT IN ('ACCEPTED', 'READ')) THEN TRUE ELSE FALSE END
FROM instruction i
JOIN (SELECT id AS instruction_id, unit_id FROM instruction
      UNION SELECT instruction_id, unit_id FROM instruction_assignment) p ON p.instruction_id = i.id
JOIN unit_closure c ON c.descendant_id = p.unit_id;
