-- Whether a phone spot check was made outside working hours — a weeknight, a weekend or a holiday — when
-- 宝政办发〔2022〕43号 第二十八条 steps inspections up; the suggested list puts units never checked then first.
ALTER TABLE spot_check ADD COLUMN off_hours BOOLEAN DEFAULT FALSE NOT NULL;
