-- Declared bases that are neither Red Hat's nor scratch (EKS Distro's minimal images), and "not
-- known yet" for components created without a declaration. Alone in this migration: PostgreSQL
-- cannot use a new enum value in the transaction that adds it.
ALTER TYPE "OsContentType" ADD VALUE 'non_ubi';
ALTER TYPE "OsContentType" ADD VALUE 'unknown';
