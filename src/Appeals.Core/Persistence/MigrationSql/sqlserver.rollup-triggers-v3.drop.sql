-- Rollup triggers (drop) for SqlServer, frozen from RollupTriggers.Drop (ADR 0052, 0123).
-- Generated: do not edit. A change to the rollups ships as a new version with a migration that runs it.
-- statement
DROP TRIGGER IF EXISTS [DenialCases_Rollups];

-- statement
DROP TRIGGER IF EXISTS [ClaimPayments_Rollups];
