-- A replayed answer repeats the original's Location header too (a 201 or 202 points at what it created).
ALTER TABLE idempotency_record ADD COLUMN location VARCHAR(1000);
