-- Units by id and the closure look-up are cached in memory on every instance (ADR 0006); a change to the tree bumps this.
INSERT INTO cache_revision (name, revision) VALUES ('unit', 0);
