-- API tokens, once resolved to their account, are kept for a few seconds on each instance (ADR 0020); revoking a
-- token, disabling, locking or re-roling an account bumps this, so that every instance forgets them within a second.
INSERT INTO cache_revision (name, revision) VALUES ('api-token', 0);
