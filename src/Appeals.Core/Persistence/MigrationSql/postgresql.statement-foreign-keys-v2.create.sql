-- Statement-level foreign keys v2 (create) for PostgreSql (ADR 0149): the four insert/update checks of ADR 0112 first try
-- one range scan of the parent's primary key over the span of the statement's keys. The import writes a transaction's
-- claims and lines with ids from one block of the sequence, and their children right after, so the span is the
-- transaction's own parents: all found, nothing to lock, and no probe per key. Any other case (a hole in the span, a
-- parent another transaction wrote, keys far apart, a missing parent) runs version 1's check unchanged, which refuses,
-- locks and reports exactly as before. Sequential scans off for the function, so that a plan cached while the tables
-- were small never scans a grown parent. Triggers, delete checks and key-change guards stay version 1's.
-- Frozen (ADR 0123): a change ships as a new version with a migration that runs it.
-- statement
CREATE OR REPLACE FUNCTION "ClaimPayments_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
DECLARE lo bigint; hi bigint; n_rows bigint; spanned boolean; wanted bigint; found bigint; others bigint; locked bigint; mine xid := (pg_current_xact_id()::text::bigint % 4294967296)::text::xid;
BEGIN
  -- FK_ClaimPayments_Remittances_RemittanceId: every key the statement wrote names a row of "Remittances".
  -- When the keys lie within a span of at most 8 ids per row written and every id of that span is a row of "Remittances" this
  -- transaction wrote, every key is found and nothing needs a lock: one range scan of the primary key. Otherwise (a
  -- hole in the span, another transaction's parent, keys far apart) the check of version 1: one probe per distinct key.
  SELECT min(n."RemittanceId"), max(n."RemittanceId"), count(*) INTO lo, hi, n_rows FROM written AS n;
  IF lo IS NOT NULL THEN
    spanned := false;
    IF hi::numeric - lo < 8 * n_rows THEN
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "Remittances" AS p WHERE p."Id" BETWEEN lo AND hi;
      spanned := found = hi - lo + 1 AND others = 0;
    END IF;
    IF NOT spanned THEN
      SELECT count(DISTINCT n."RemittanceId") INTO wanted FROM written AS n WHERE n."RemittanceId" IS NOT NULL;
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "Remittances" AS p WHERE p."Id" IN (SELECT n."RemittanceId" FROM written AS n);
      IF others > 0 AND found = wanted THEN
        SELECT count(*) INTO locked FROM (SELECT 1 FROM "Remittances" AS p WHERE p."Id" IN (SELECT n."RemittanceId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
        found := found - others + locked;
      END IF;
      IF found < wanted THEN
        RAISE EXCEPTION 'insert or update on table "ClaimPayments" violates foreign key "FK_ClaimPayments_Remittances_RemittanceId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'ClaimPayments', CONSTRAINT = 'FK_ClaimPayments_Remittances_RemittanceId';
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $keys$;

-- statement
CREATE OR REPLACE FUNCTION "ServiceLines_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
DECLARE lo bigint; hi bigint; n_rows bigint; spanned boolean; wanted bigint; found bigint; others bigint; locked bigint; mine xid := (pg_current_xact_id()::text::bigint % 4294967296)::text::xid;
BEGIN
  -- FK_ServiceLines_ClaimPayments_ClaimPaymentId: every key the statement wrote names a row of "ClaimPayments".
  -- When the keys lie within a span of at most 8 ids per row written and every id of that span is a row of "ClaimPayments" this
  -- transaction wrote, every key is found and nothing needs a lock: one range scan of the primary key. Otherwise (a
  -- hole in the span, another transaction's parent, keys far apart) the check of version 1: one probe per distinct key.
  SELECT min(n."ClaimPaymentId"), max(n."ClaimPaymentId"), count(*) INTO lo, hi, n_rows FROM written AS n;
  IF lo IS NOT NULL THEN
    spanned := false;
    IF hi::numeric - lo < 8 * n_rows THEN
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ClaimPayments" AS p WHERE p."Id" BETWEEN lo AND hi;
      spanned := found = hi - lo + 1 AND others = 0;
    END IF;
    IF NOT spanned THEN
      SELECT count(DISTINCT n."ClaimPaymentId") INTO wanted FROM written AS n WHERE n."ClaimPaymentId" IS NOT NULL;
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n);
      IF others > 0 AND found = wanted THEN
        SELECT count(*) INTO locked FROM (SELECT 1 FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
        found := found - others + locked;
      END IF;
      IF found < wanted THEN
        RAISE EXCEPTION 'insert or update on table "ServiceLines" violates foreign key "FK_ServiceLines_ClaimPayments_ClaimPaymentId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'ServiceLines', CONSTRAINT = 'FK_ServiceLines_ClaimPayments_ClaimPaymentId';
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $keys$;

-- statement
CREATE OR REPLACE FUNCTION "Adjustments_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
DECLARE lo bigint; hi bigint; n_rows bigint; spanned boolean; wanted bigint; found bigint; others bigint; locked bigint; mine xid := (pg_current_xact_id()::text::bigint % 4294967296)::text::xid;
BEGIN
  -- FK_Adjustments_ClaimPayments_ClaimPaymentId: every key the statement wrote names a row of "ClaimPayments".
  -- When the keys lie within a span of at most 8 ids per row written and every id of that span is a row of "ClaimPayments" this
  -- transaction wrote, every key is found and nothing needs a lock: one range scan of the primary key. Otherwise (a
  -- hole in the span, another transaction's parent, keys far apart) the check of version 1: one probe per distinct key.
  SELECT min(n."ClaimPaymentId"), max(n."ClaimPaymentId"), count(*) INTO lo, hi, n_rows FROM written AS n;
  IF lo IS NOT NULL THEN
    spanned := false;
    IF hi::numeric - lo < 8 * n_rows THEN
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ClaimPayments" AS p WHERE p."Id" BETWEEN lo AND hi;
      spanned := found = hi - lo + 1 AND others = 0;
    END IF;
    IF NOT spanned THEN
      SELECT count(DISTINCT n."ClaimPaymentId") INTO wanted FROM written AS n WHERE n."ClaimPaymentId" IS NOT NULL;
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n);
      IF others > 0 AND found = wanted THEN
        SELECT count(*) INTO locked FROM (SELECT 1 FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
        found := found - others + locked;
      END IF;
      IF found < wanted THEN
        RAISE EXCEPTION 'insert or update on table "Adjustments" violates foreign key "FK_Adjustments_ClaimPayments_ClaimPaymentId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'Adjustments', CONSTRAINT = 'FK_Adjustments_ClaimPayments_ClaimPaymentId';
      END IF;
    END IF;
  END IF;
  -- FK_Adjustments_ServiceLines_ServiceLineId: every key the statement wrote names a row of "ServiceLines".
  -- When the keys lie within a span of at most 8 ids per row written and every id of that span is a row of "ServiceLines" this
  -- transaction wrote, every key is found and nothing needs a lock: one range scan of the primary key. Otherwise (a
  -- hole in the span, another transaction's parent, keys far apart) the check of version 1: one probe per distinct key.
  SELECT min(n."ServiceLineId"), max(n."ServiceLineId"), count(*) INTO lo, hi, n_rows FROM written AS n;
  IF lo IS NOT NULL THEN
    spanned := false;
    IF hi::numeric - lo < 8 * n_rows THEN
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ServiceLines" AS p WHERE p."Id" BETWEEN lo AND hi;
      spanned := found = hi - lo + 1 AND others = 0;
    END IF;
    IF NOT spanned THEN
      SELECT count(DISTINCT n."ServiceLineId") INTO wanted FROM written AS n WHERE n."ServiceLineId" IS NOT NULL;
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ServiceLines" AS p WHERE p."Id" IN (SELECT n."ServiceLineId" FROM written AS n);
      IF others > 0 AND found = wanted THEN
        SELECT count(*) INTO locked FROM (SELECT 1 FROM "ServiceLines" AS p WHERE p."Id" IN (SELECT n."ServiceLineId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
        found := found - others + locked;
      END IF;
      IF found < wanted THEN
        RAISE EXCEPTION 'insert or update on table "Adjustments" violates foreign key "FK_Adjustments_ServiceLines_ServiceLineId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'Adjustments', CONSTRAINT = 'FK_Adjustments_ServiceLines_ServiceLineId';
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $keys$;

-- statement
CREATE OR REPLACE FUNCTION "RemarkCodes_Keys_check"() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET jit = off AS $keys$
DECLARE lo bigint; hi bigint; n_rows bigint; spanned boolean; wanted bigint; found bigint; others bigint; locked bigint; mine xid := (pg_current_xact_id()::text::bigint % 4294967296)::text::xid;
BEGIN
  -- FK_RemarkCodes_ClaimPayments_ClaimPaymentId: every key the statement wrote names a row of "ClaimPayments".
  -- When the keys lie within a span of at most 8 ids per row written and every id of that span is a row of "ClaimPayments" this
  -- transaction wrote, every key is found and nothing needs a lock: one range scan of the primary key. Otherwise (a
  -- hole in the span, another transaction's parent, keys far apart) the check of version 1: one probe per distinct key.
  SELECT min(n."ClaimPaymentId"), max(n."ClaimPaymentId"), count(*) INTO lo, hi, n_rows FROM written AS n;
  IF lo IS NOT NULL THEN
    spanned := false;
    IF hi::numeric - lo < 8 * n_rows THEN
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ClaimPayments" AS p WHERE p."Id" BETWEEN lo AND hi;
      spanned := found = hi - lo + 1 AND others = 0;
    END IF;
    IF NOT spanned THEN
      SELECT count(DISTINCT n."ClaimPaymentId") INTO wanted FROM written AS n WHERE n."ClaimPaymentId" IS NOT NULL;
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n);
      IF others > 0 AND found = wanted THEN
        SELECT count(*) INTO locked FROM (SELECT 1 FROM "ClaimPayments" AS p WHERE p."Id" IN (SELECT n."ClaimPaymentId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
        found := found - others + locked;
      END IF;
      IF found < wanted THEN
        RAISE EXCEPTION 'insert or update on table "RemarkCodes" violates foreign key "FK_RemarkCodes_ClaimPayments_ClaimPaymentId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'RemarkCodes', CONSTRAINT = 'FK_RemarkCodes_ClaimPayments_ClaimPaymentId';
      END IF;
    END IF;
  END IF;
  -- FK_RemarkCodes_ServiceLines_ServiceLineId: every key the statement wrote names a row of "ServiceLines".
  -- When the keys lie within a span of at most 8 ids per row written and every id of that span is a row of "ServiceLines" this
  -- transaction wrote, every key is found and nothing needs a lock: one range scan of the primary key. Otherwise (a
  -- hole in the span, another transaction's parent, keys far apart) the check of version 1: one probe per distinct key.
  SELECT min(n."ServiceLineId"), max(n."ServiceLineId"), count(*) INTO lo, hi, n_rows FROM written AS n;
  IF lo IS NOT NULL THEN
    spanned := false;
    IF hi::numeric - lo < 8 * n_rows THEN
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ServiceLines" AS p WHERE p."Id" BETWEEN lo AND hi;
      spanned := found = hi - lo + 1 AND others = 0;
    END IF;
    IF NOT spanned THEN
      SELECT count(DISTINCT n."ServiceLineId") INTO wanted FROM written AS n WHERE n."ServiceLineId" IS NOT NULL;
      SELECT count(*), count(*) FILTER (WHERE p.xmin <> mine) INTO found, others FROM "ServiceLines" AS p WHERE p."Id" IN (SELECT n."ServiceLineId" FROM written AS n);
      IF others > 0 AND found = wanted THEN
        SELECT count(*) INTO locked FROM (SELECT 1 FROM "ServiceLines" AS p WHERE p."Id" IN (SELECT n."ServiceLineId" FROM written AS n) AND p.xmin <> mine FOR KEY SHARE OF p) AS l;
        found := found - others + locked;
      END IF;
      IF found < wanted THEN
        RAISE EXCEPTION 'insert or update on table "RemarkCodes" violates foreign key "FK_RemarkCodes_ServiceLines_ServiceLineId"' USING ERRCODE = 'foreign_key_violation', TABLE = 'RemarkCodes', CONSTRAINT = 'FK_RemarkCodes_ServiceLines_ServiceLineId';
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $keys$;
