-- NCCI PTP codes compare byte by byte (COLLATE "C"). The database's C.UTF-8 locale makes
-- PostgreSQL compare through strcoll and without abbreviated sort keys, and the 2.5 M-row
-- column 2 B-tree and column 1 BRIN that every import rebuilds took a third longer that way.
-- Codes are ASCII, so the order and every equality are unchanged.
ALTER TABLE "ncci_ptp_edit" ALTER COLUMN "column_1" TYPE VARCHAR(5) COLLATE "C", ALTER COLUMN "column_2" TYPE VARCHAR(5) COLLATE "C";
