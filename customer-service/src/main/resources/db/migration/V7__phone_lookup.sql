-- Imports match rows to customers by phone number as well as by e-mail and external id.
CREATE INDEX customers_site_sms_number ON customers (site_id, sms_number) WHERE sms_number IS NOT NULL;
CREATE INDEX customers_site_phone ON customers (site_id, phone) WHERE phone IS NOT NULL;
