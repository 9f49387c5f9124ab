-- Statement-level foreign keys v2 (drop) for PostgreSql (ADR 0149): the four insert/update checks go back to version 1's
-- (one primary-key probe per distinct key, ADR 0112). The triggers, the delete checks and the key-change guards are
-- version 1's throughout and stay.
-- Frozen (ADR 0123).
-- statement
CREATE OR REPLACE FUNCTION "ClaimPayments_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
DECLARE wanted bigint; found bigint; others bigint; locked bigint; mine xid := (pg_current_xact_id()::text::bigint % 4294967296)::text::xid;
BEGIN
  -- FK_ClaimPayments_Remittances_RemittanceId: every key the statement wrote names a row of "Remittances"
  SELECT count(DISTINCT n."RemittanceId") INTO wanted FROM written AS n WHERE n."RemittanceId" IS NOT NULL;
  IF wanted > 0 THEN
    SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "Remittances" AS p WHERE p."Id" IN (SELECT n."RemittanceId" FROM written AS n);
    IF others > 0 AND found = wanted THEN
      SELECT count(*) INTO locked FROM (SELECT 1 FROM "Remittances" AS p WHERE p."Id" IN (SELECT n."RemittanceId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
      found := found - others + locked;
    END IF;
    IF found < wanted THEN
      RAISE EXCEPTION 'insert or update on table "ClaimPayments" violates foreign key "FK_ClaimPayments_Remittances_RemittanceId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'ClaimPayments', CONSTRAINT = 'FK_ClaimPayments_Remittances_RemittanceId';
    END IF;
  END IF;
  RETURN NULL;
END $keys$;

-- statement
CREATE OR REPLACE FUNCTION "ServiceLines_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
DECLARE wanted bigint; found bigint; others bigint; locked bigint; mine xid := (pg_current_xact_id()::text::bigint % 4294967296)::text::xid;
BEGIN
  -- FK_ServiceLines_ClaimPayments_ClaimPaymentId: every key the statement wrote names a row of "ClaimPayments"
  SELECT count(DISTINCT n."ClaimPaymentId") INTO wanted FROM written AS n WHERE n."ClaimPaymentId" IS NOT NULL;
  IF wanted > 0 THEN
    SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n);
    IF others > 0 AND found = wanted THEN
      SELECT count(*) INTO locked FROM (SELECT 1 FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
      found := found - others + locked;
    END IF;
    IF found < wanted THEN
      RAISE EXCEPTION 'insert or update on table "ServiceLines" violates foreign key "FK_ServiceLines_ClaimPayments_ClaimPaymentId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'ServiceLines', CONSTRAINT = 'FK_ServiceLines_ClaimPayments_ClaimPaymentId';
    END IF;
  END IF;
  RETURN NULL;
END $keys$;

-- statement
CREATE OR REPLACE FUNCTION "Adjustments_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
DECLARE wanted bigint; found bigint; others bigint; locked bigint; mine xid := (pg_current_xact_id()::text::bigint % 4294967296)::text::xid;
BEGIN
  -- FK_Adjustments_ClaimPayments_ClaimPaymentId: every key the statement wrote names a row of "ClaimPayments"
  SELECT count(DISTINCT n."ClaimPaymentId") INTO wanted FROM written AS n WHERE n."ClaimPaymentId" IS NOT NULL;
  IF wanted > 0 THEN
    SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n);
    IF others > 0 AND found = wanted THEN
      SELECT count(*) INTO locked FROM (SELECT 1 FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
      found := found - others + locked;
    END IF;
    IF found < wanted THEN
      RAISE EXCEPTION 'insert or update on table "Adjustments" violates foreign key "FK_Adjustments_ClaimPayments_ClaimPaymentId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'Adjustments', CONSTRAINT = 'FK_Adjustments_ClaimPayments_ClaimPaymentId';
    END IF;
  END IF;
  -- FK_Adjustments_ServiceLines_ServiceLineId: every key the statement wrote names a row of "ServiceLines"
  SELECT count(DISTINCT n."ServiceLineId") INTO wanted FROM written AS n WHERE n."ServiceLineId" IS NOT NULL;
  IF wanted > 0 THEN
    SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ServiceLines" AS p WHERE p."Id" IN (SELECT n."ServiceLineId" FROM written AS n);
    IF others > 0 AND found = wanted THEN
      SELECT count(*) INTO locked FROM (SELECT 1 FROM "ServiceLines" AS p WHERE p."Id" IN (SELECT n."ServiceLineId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
      found := found - others + locked;
    END IF;
    IF found < wanted THEN
      RAISE EXCEPTION 'insert or update on table "Adjustments" violates foreign key "FK_Adjustments_ServiceLines_ServiceLineId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'Adjustments', CONSTRAINT = 'FK_Adjustments_ServiceLines_ServiceLineId';
    END IF;
  END IF;
  RETURN NULL;
END $keys$;

-- statement
CREATE OR REPLACE FUNCTION "RemarkCodes_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
DECLARE wanted bigint; found bigint; others bigint; locked bigint; mine xid := (pg_current_xact_id()::text::bigint % 4294967296)::text::xid;
BEGIN
  -- FK_RemarkCodes_ClaimPayments_ClaimPaymentId: every key the statement wrote names a row of "ClaimPayments"
  SELECT count(DISTINCT n."ClaimPaymentId") INTO wanted FROM written AS n WHERE n."ClaimPaymentId" IS NOT NULL;
  IF wanted > 0 THEN
    SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n);
    IF others > 0 AND found = wanted THEN
      SELECT count(*) INTO locked FROM (SELECT 1 FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
      found := found - others + locked;
    END IF;
    IF found < wanted THEN
      RAISE EXCEPTION 'insert or update on table "RemarkCodes" violates foreign key "FK_RemarkCodes_ClaimPayments_ClaimPaymentId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'RemarkCodes', CONSTRAINT = 'FK_RemarkCodes_ClaimPayments_ClaimPaymentId';
    END IF;
  END IF;
  -- FK_RemarkCodes_ServiceLines_ServiceLineId: every key the statement wrote names a row of "ServiceLines"
  SELECT count(DISTINCT n."ServiceLineId") INTO wanted FROM written AS n WHERE n."ServiceLineId" IS NOT NULL;
  IF wanted > 0 THEN
    SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ServiceLines" AS p WHERE p."Id" IN (SELECT n."ServiceLineId" FROM written AS n);
    IF others > 0 AND found = wanted THEN
      SELECT count(*) INTO locked FROM (SELECT 1 FROM "ServiceLines" AS p WHERE p."Id" IN (SELECT n."ServiceLineId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
      found := found - others + locked;
    END IF;
    IF found < wanted THEN
      RAISE EXCEPTION 'insert or update on table "RemarkCodes" violates foreign key "FK_RemarkCodes_ServiceLines_ServiceLineId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'RemarkCodes', CONSTRAINT = 'FK_RemarkCodes_ServiceLines_ServiceLineId';
    END IF;
  END IF;
  RETURN NULL;
END $keys$;
