/*
  Warnings:

  - You are about to drop the column `rawResults` on the `PreflightRun` table. All the data in the column will be lost.
  - A unique constraint covering the columns `[componentId,contentSha256,architecture]` on the table `PreflightRun` will be added. If there are existing duplicate values, this will fail.
  - Added the required column `canonicalName` to the `CheckResult` table without a default value. This is not possible if the table is not empty.
  - Added the required column `diff` to the `PreflightRun` table without a default value. This is not possible if the table is not empty.
  - Added the required column `errorCount` to the `PreflightRun` table without a default value. This is not possible if the table is not empty.
  - Added the required column `failedCount` to the `PreflightRun` table without a default value. This is not possible if the table is not empty.
  - Added the required column `kind` to the `PreflightRun` table without a default value. This is not possible if the table is not empty.
  - Added the required column `original` to the `PreflightRun` table without a default value. This is not possible if the table is not empty.
  - Added the required column `passedCount` to the `PreflightRun` table without a default value. This is not possible if the table is not empty.
  - Added the required column `warningCount` to the `PreflightRun` table without a default value. This is not possible if the table is not empty.
  - Made the column `componentId` on table `PreflightRun` required. This step will fail if there are existing NULL values in that column.
  - Made the column `architecture` on table `PreflightRun` required. This step will fail if there are existing NULL values in that column.
  - Made the column `preflightVersion` on table `PreflightRun` required. This step will fail if there are existing NULL values in that column.

*/
-- DropForeignKey
ALTER TABLE "PreflightRun" DROP CONSTRAINT "PreflightRun_componentId_fkey";

-- DropIndex
DROP INDEX "CheckResult_name_outcome_idx";

-- DropIndex
DROP INDEX "PreflightRun_componentId_createdAt_idx";

-- DropIndex
DROP INDEX "PreflightRun_contentSha256_architecture_key";

-- AlterTable
ALTER TABLE "CheckResult" ADD COLUMN     "canonicalName" TEXT NOT NULL,
ADD COLUMN     "known" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "ItemEvent" ADD COLUMN     "runId" UUID;

-- AlterTable
ALTER TABLE "PreflightRun" DROP COLUMN "rawResults",
ADD COLUMN     "certImage" JSONB,
ADD COLUMN     "devBuild" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "diff" JSONB NOT NULL,
ADD COLUMN     "errorCount" INTEGER NOT NULL,
ADD COLUMN     "failedCount" INTEGER NOT NULL,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "imageDigest" TEXT,
ADD COLUMN     "imageTag" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL,
ADD COLUMN     "log" TEXT,
ADD COLUMN     "original" BYTEA NOT NULL,
ADD COLUMN     "passedCount" INTEGER NOT NULL,
ADD COLUMN     "userId" UUID,
ADD COLUMN     "warningCount" INTEGER NOT NULL,
ADD COLUMN     "warnings" TEXT[],
ALTER COLUMN "componentId" SET NOT NULL,
ALTER COLUMN "architecture" SET NOT NULL,
ALTER COLUMN "architecture" SET DEFAULT 'unknown',
ALTER COLUMN "preflightVersion" SET NOT NULL;

-- CreateIndex
CREATE INDEX "CheckResult_canonicalName_outcome_idx" ON "CheckResult"("canonicalName", "outcome");

-- CreateIndex
CREATE INDEX "PreflightRun_componentId_architecture_createdAt_idx" ON "PreflightRun"("componentId", "architecture", "createdAt");

-- CreateIndex
CREATE INDEX "PreflightRun_createdAt_idx" ON "PreflightRun"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PreflightRun_componentId_contentSha256_architecture_key" ON "PreflightRun"("componentId", "contentSha256", "architecture");

-- AddForeignKey
ALTER TABLE "ItemEvent" ADD CONSTRAINT "ItemEvent_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PreflightRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreflightRun" ADD CONSTRAINT "PreflightRun_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;
