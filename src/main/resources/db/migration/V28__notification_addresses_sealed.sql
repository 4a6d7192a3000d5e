-- The addresses notifications go to (an account's mobile for SMS, its e-mail) are personal information and are
-- sealed with SM4-GCM like people's numbers (ADR 0024); a sealed 200-character address needs some 310 characters.
-- Clear addresses are sealed by the application on its first start after this migration, when it holds the key.
ALTER TABLE notification_channel ALTER COLUMN address SET DATA TYPE VARCHAR(400);
ALTER TABLE notification_delivery ALTER COLUMN address SET DATA TYPE VARCHAR(400);
