-- Written reports not yet signed for are few at any time, and every superior's inbox counts its own: a partial index
-- keeps that count from reading every report the superior ever received. PostgreSQL only (H2 has no partial index).
CREATE INDEX incident_report_awaiting_signature_idx ON incident_report (incident_id)
    WHERE channel = 'WRITTEN' AND received_at IS NULL;
