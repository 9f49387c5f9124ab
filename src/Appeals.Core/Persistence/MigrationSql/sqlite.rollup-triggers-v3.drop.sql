-- Rollup triggers (drop) for Sqlite, frozen from RollupTriggers.Drop (ADR 0052, 0123).
-- Generated: do not edit. A change to the rollups ships as a new version with a migration that runs it.
-- statement
DROP TRIGGER IF EXISTS "DenialCases_Rollups_insert";

-- statement
DROP TRIGGER IF EXISTS "DenialCases_Rollups_update";

-- statement
DROP TRIGGER IF EXISTS "DenialCases_Rollups_delete";

-- statement
DROP TRIGGER IF EXISTS "ClaimPayments_Rollups_insert";

-- statement
DROP TRIGGER IF EXISTS "ClaimPayments_Rollups_update";

-- statement
DROP TRIGGER IF EXISTS "ClaimPayments_Rollups_delete";
