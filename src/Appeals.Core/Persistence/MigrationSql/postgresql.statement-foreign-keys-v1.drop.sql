-- Statement-level foreign keys v1 (drop) for PostgreSql (ADR 0112): the statement-level checks go, the six row-level
-- foreign keys the model describes come back (as InitialCreate made them).
-- Frozen (ADR 0123).
-- statement
DROP TRIGGER IF EXISTS "ClaimPayments_Keys_insert" ON "ClaimPayments";

-- statement
DROP TRIGGER IF EXISTS "ClaimPayments_Keys_update" ON "ClaimPayments";

-- statement
DROP FUNCTION IF EXISTS "ClaimPayments_Keys_check"();

-- statement
DROP TRIGGER IF EXISTS "ServiceLines_Keys_insert" ON "ServiceLines";

-- statement
DROP TRIGGER IF EXISTS "ServiceLines_Keys_update" ON "ServiceLines";

-- statement
DROP FUNCTION IF EXISTS "ServiceLines_Keys_check"();

-- statement
DROP TRIGGER IF EXISTS "Adjustments_Keys_insert" ON "Adjustments";

-- statement
DROP TRIGGER IF EXISTS "Adjustments_Keys_update" ON "Adjustments";

-- statement
DROP FUNCTION IF EXISTS "Adjustments_Keys_check"();

-- statement
DROP TRIGGER IF EXISTS "RemarkCodes_Keys_insert" ON "RemarkCodes";

-- statement
DROP TRIGGER IF EXISTS "RemarkCodes_Keys_update" ON "RemarkCodes";

-- statement
DROP FUNCTION IF EXISTS "RemarkCodes_Keys_check"();

-- statement
DROP TRIGGER IF EXISTS "Remittances_Keys_delete" ON "Remittances";

-- statement
DROP FUNCTION IF EXISTS "Remittances_Keys_delete"();

-- statement
DROP TRIGGER IF EXISTS "Remittances_Keys_id" ON "Remittances";

-- statement
DROP FUNCTION IF EXISTS "Remittances_Keys_id"();

-- statement
DROP TRIGGER IF EXISTS "ClaimPayments_Keys_delete" ON "ClaimPayments";

-- statement
DROP FUNCTION IF EXISTS "ClaimPayments_Keys_delete"();

-- statement
DROP TRIGGER IF EXISTS "ClaimPayments_Keys_id" ON "ClaimPayments";

-- statement
DROP FUNCTION IF EXISTS "ClaimPayments_Keys_id"();

-- statement
DROP TRIGGER IF EXISTS "ServiceLines_Keys_delete" ON "ServiceLines";

-- statement
DROP FUNCTION IF EXISTS "ServiceLines_Keys_delete"();

-- statement
DROP TRIGGER IF EXISTS "ServiceLines_Keys_id" ON "ServiceLines";

-- statement
DROP FUNCTION IF EXISTS "ServiceLines_Keys_id"();

-- statement
ALTER TABLE "ClaimPayments" ADD CONSTRAINT "FK_ClaimPayments_Remittances_RemittanceId" FOREIGN KEY ("RemittanceId") REFERENCES "Remittances" ("Id") ON DELETE CASCADE;

-- statement
ALTER TABLE "ServiceLines" ADD CONSTRAINT "FK_ServiceLines_ClaimPayments_ClaimPaymentId" FOREIGN KEY ("ClaimPaymentId") REFERENCES "ClaimPayments" ("Id") ON DELETE CASCADE;

-- statement
ALTER TABLE "Adjustments" ADD CONSTRAINT "FK_Adjustments_ClaimPayments_ClaimPaymentId" FOREIGN KEY ("ClaimPaymentId") REFERENCES "ClaimPayments" ("Id") ON DELETE CASCADE;

-- statement
ALTER TABLE "Adjustments" ADD CONSTRAINT "FK_Adjustments_ServiceLines_ServiceLineId" FOREIGN KEY ("ServiceLineId") REFERENCES "ServiceLines" ("Id") ON DELETE RESTRICT;

-- statement
ALTER TABLE "RemarkCodes" ADD CONSTRAINT "FK_RemarkCodes_ClaimPayments_ClaimPaymentId" FOREIGN KEY ("ClaimPaymentId") REFERENCES "ClaimPayments" ("Id") ON DELETE CASCADE;

-- statement
ALTER TABLE "RemarkCodes" ADD CONSTRAINT "FK_RemarkCodes_ServiceLines_ServiceLineId" FOREIGN KEY ("ServiceLineId") REFERENCES "ServiceLines" ("Id") ON DELETE RESTRICT;
