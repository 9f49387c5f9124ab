-- Statement-level foreign keys v1 (create) for PostgreSql (ADR 0112): the six foreign keys from the import's big tables
-- (claims, service lines, adjustments, remark codes) to their parents, checked once per statement instead of once per row.
-- A parent written by this same transaction is not locked (no other transaction can see it, so none can delete it); any
-- other parent is locked FOR KEY SHARE, as the row-level check locked it.
-- Each check looks its keys up through the parent's primary key, one probe per distinct key (nested loop: hash and merge
-- joins off, so a plan cached while the tables were small never turns into a scan of a million-row table; no JIT).
-- Frozen (ADR 0123): a change ships as a new version with a migration that runs it.
-- statement
ALTER TABLE "ClaimPayments" DROP CONSTRAINT "FK_ClaimPayments_Remittances_RemittanceId";

-- statement
ALTER TABLE "ServiceLines" DROP CONSTRAINT "FK_ServiceLines_ClaimPayments_ClaimPaymentId";

-- statement
ALTER TABLE "Adjustments" DROP CONSTRAINT "FK_Adjustments_ClaimPayments_ClaimPaymentId";

-- statement
ALTER TABLE "Adjustments" DROP CONSTRAINT "FK_Adjustments_ServiceLines_ServiceLineId";

-- statement
ALTER TABLE "RemarkCodes" DROP CONSTRAINT "FK_RemarkCodes_ClaimPayments_ClaimPaymentId";

-- statement
ALTER TABLE "RemarkCodes" DROP CONSTRAINT "FK_RemarkCodes_ServiceLines_ServiceLineId";

-- statement
CREATE FUNCTION "ClaimPayments_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
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
CREATE TRIGGER "ClaimPayments_Keys_insert" AFTER INSERT ON "ClaimPayments" REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "ClaimPayments_Keys_check"();

-- statement
CREATE TRIGGER "ClaimPayments_Keys_update" AFTER UPDATE ON "ClaimPayments" REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "ClaimPayments_Keys_check"();

-- statement
CREATE FUNCTION "ServiceLines_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
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
CREATE TRIGGER "ServiceLines_Keys_insert" AFTER INSERT ON "ServiceLines" REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "ServiceLines_Keys_check"();

-- statement
CREATE TRIGGER "ServiceLines_Keys_update" AFTER UPDATE ON "ServiceLines" REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "ServiceLines_Keys_check"();

-- statement
CREATE FUNCTION "Adjustments_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
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
CREATE TRIGGER "Adjustments_Keys_insert" AFTER INSERT ON "Adjustments" REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "Adjustments_Keys_check"();

-- statement
CREATE TRIGGER "Adjustments_Keys_update" AFTER UPDATE ON "Adjustments" REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "Adjustments_Keys_check"();

-- statement
CREATE FUNCTION "RemarkCodes_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
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

-- statement
CREATE TRIGGER "RemarkCodes_Keys_insert" AFTER INSERT ON "RemarkCodes" REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "RemarkCodes_Keys_check"();

-- statement
CREATE TRIGGER "RemarkCodes_Keys_update" AFTER UPDATE ON "RemarkCodes" REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION "RemarkCodes_Keys_check"();

-- statement
CREATE FUNCTION "Remittances_Keys_delete"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
BEGIN
  DELETE FROM "ClaimPayments" AS c USING removed AS r WHERE c."RemittanceId" = r."Id";
  RETURN NULL;
END $keys$;

-- statement
CREATE TRIGGER "Remittances_Keys_delete" AFTER DELETE ON "Remittances" REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "Remittances_Keys_delete"();

-- statement
CREATE FUNCTION "Remittances_Keys_id"() RETURNS trigger LANGUAGE plpgsql AS $keys$
BEGIN
  RAISE EXCEPTION 'the key "Id" of table "Remittances" is never changed: rows of other tables point at it' USING ERRCODE = 'foreign_key_violation', TABLE = 'Remittances';
END $keys$;

-- statement
CREATE TRIGGER "Remittances_Keys_id" BEFORE UPDATE OF "Id" ON "Remittances" FOR EACH STATEMENT EXECUTE FUNCTION "Remittances_Keys_id"();

-- statement
CREATE FUNCTION "ClaimPayments_Keys_delete"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
BEGIN
  DELETE FROM "RemarkCodes" AS c USING removed AS r WHERE c."ClaimPaymentId" = r."Id";
  DELETE FROM "Adjustments" AS c USING removed AS r WHERE c."ClaimPaymentId" = r."Id";
  DELETE FROM "ServiceLines" AS c USING removed AS r WHERE c."ClaimPaymentId" = r."Id";
  RETURN NULL;
END $keys$;

-- statement
CREATE TRIGGER "ClaimPayments_Keys_delete" AFTER DELETE ON "ClaimPayments" REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "ClaimPayments_Keys_delete"();

-- statement
CREATE FUNCTION "ClaimPayments_Keys_id"() RETURNS trigger LANGUAGE plpgsql AS $keys$
BEGIN
  RAISE EXCEPTION 'the key "Id" of table "ClaimPayments" is never changed: rows of other tables point at it' USING ERRCODE = 'foreign_key_violation', TABLE = 'ClaimPayments';
END $keys$;

-- statement
CREATE TRIGGER "ClaimPayments_Keys_id" BEFORE UPDATE OF "Id" ON "ClaimPayments" FOR EACH STATEMENT EXECUTE FUNCTION "ClaimPayments_Keys_id"();

-- statement
CREATE FUNCTION "ServiceLines_Keys_delete"() RETURNS trigger LANGUAGE plpgsql SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
BEGIN
  IF EXISTS (SELECT 1 FROM "Adjustments" AS c JOIN removed AS r ON c."ServiceLineId" = r."Id") THEN
    RAISE EXCEPTION 'update or delete on table "ServiceLines" violates foreign key "FK_Adjustments_ServiceLines_ServiceLineId" on table "Adjustments"' USING ERRCODE = 'foreign_key_violation', TABLE = 'Adjustments', CONSTRAINT = 'FK_Adjustments_ServiceLines_ServiceLineId';
  END IF;
  IF EXISTS (SELECT 1 FROM "RemarkCodes" AS c JOIN removed AS r ON c."ServiceLineId" = r."Id") THEN
    RAISE EXCEPTION 'update or delete on table "ServiceLines" violates foreign key "FK_RemarkCodes_ServiceLines_ServiceLineId" on table "RemarkCodes"' USING ERRCODE = 'foreign_key_violation', TABLE = 'RemarkCodes', CONSTRAINT = 'FK_RemarkCodes_ServiceLines_ServiceLineId';
  END IF;
  RETURN NULL;
END $keys$;

-- statement
CREATE TRIGGER "ServiceLines_Keys_delete" AFTER DELETE ON "ServiceLines" REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "ServiceLines_Keys_delete"();

-- statement
CREATE FUNCTION "ServiceLines_Keys_id"() RETURNS trigger LANGUAGE plpgsql AS $keys$
BEGIN
  RAISE EXCEPTION 'the key "Id" of table "ServiceLines" is never changed: rows of other tables point at it' USING ERRCODE = 'foreign_key_violation', TABLE = 'ServiceLines';
END $keys$;

-- statement
CREATE TRIGGER "ServiceLines_Keys_id" BEFORE UPDATE OF "Id" ON "ServiceLines" FOR EACH STATEMENT EXECUTE FUNCTION "ServiceLines_Keys_id"();
