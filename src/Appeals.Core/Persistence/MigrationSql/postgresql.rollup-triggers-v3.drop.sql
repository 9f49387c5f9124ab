-- Rollup triggers (drop) for PostgreSql, frozen from RollupTriggers.Drop (ADR 0052, 0123).
-- Generated: do not edit. A change to the rollups ships as a new version with a migration that runs it.
-- statement
DROP FUNCTION IF EXISTS "DenialCases_Rollups_insert"() CASCADE;

-- statement
DROP FUNCTION IF EXISTS "DenialCases_Rollups_update"() CASCADE;

-- statement
DROP FUNCTION IF EXISTS "DenialCases_Rollups_delete"() CASCADE;

-- statement
DROP FUNCTION IF EXISTS "ClaimPayments_Rollups_insert"() CASCADE;

-- statement
DROP FUNCTION IF EXISTS "ClaimPayments_Rollups_update"() CASCADE;

-- statement
DROP FUNCTION IF EXISTS "ClaimPayments_Rollups_delete"() CASCADE;
