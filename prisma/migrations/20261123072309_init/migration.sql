-- CreateEnum
CREATE TYPE "ComponentType" AS ENUM ('container', 'operator_bundle', 'helm_chart');

-- CreateEnum
CREATE TYPE "CertificationStatus" AS ENUM ('not_created', 'started', 'checklist_in_progress', 'tests_in_progress', 'in_progress', 'ready_for_certification', 'certification_completed', 'waiting_for_container_image', 'published', 'unpublished');

-- CreateEnum
CREATE TYPE "HostAccess" AS ENUM ('unprivileged', 'privileged');

-- CreateEnum
CREATE TYPE "OsContentType" AS ENUM ('ubi', 'rhel', 'scratch');

-- CreateEnum
CREATE TYPE "ItemCategory" AS ENUM ('critical_blocker', 'needs_verification', 'not_required', 'compliant');

-- CreateEnum
CREATE TYPE "ItemPriority" AS ENUM ('P0', 'P1', 'P2', 'P3');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('not_started', 'in_progress', 'blocked', 'needs_justification', 'in_review', 'done', 'wont_do');

-- CreateEnum
CREATE TYPE "CheckOutcome" AS ENUM ('passed', 'failed', 'errored', 'warned');

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('viewer', 'engineer', 'admin');

-- CreateEnum
CREATE TYPE "TokenRole" AS ENUM ('uploader', 'engineer');

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Component" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "ComponentType" NOT NULL DEFAULT 'container',
    "role" TEXT NOT NULL DEFAULT 'other',
    "registry" TEXT,
    "repository" TEXT,
    "imageRef" TEXT,
    "placeholder" BOOLEAN NOT NULL DEFAULT false,
    "hostAccess" "HostAccess" NOT NULL DEFAULT 'unprivileged',
    "osContentType" "OsContentType" NOT NULL DEFAULT 'ubi',
    "certificationStatus" "CertificationStatus" NOT NULL DEFAULT 'not_created',
    "pyxisProjectId" TEXT,
    "owner" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Component_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageTag" (
    "id" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImageTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Image" (
    "id" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "digest" TEXT NOT NULL,
    "manifestListDigest" TEXT,
    "architecture" TEXT NOT NULL,
    "tags" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Phase" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "estimateText" TEXT,
    "deliverable" TEXT,
    "tasks" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Phase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BacklogItem" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" "ItemCategory" NOT NULL,
    "priority" "ItemPriority",
    "status" "ItemStatus" NOT NULL DEFAULT 'not_started',
    "latestResult" TEXT,
    "statusNote" TEXT,
    "effortText" TEXT,
    "effortMinHours" DOUBLE PRECISION,
    "effortMaxHours" DOUBLE PRECISION,
    "source" TEXT,
    "fileRefs" TEXT[],
    "description" TEXT NOT NULL DEFAULT '',
    "actions" JSONB NOT NULL DEFAULT '[]',
    "checkNames" TEXT[],
    "phaseId" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "importedValues" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BacklogItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ItemComponent" (
    "itemId" UUID NOT NULL,
    "componentId" UUID NOT NULL,

    CONSTRAINT "ItemComponent_pkey" PRIMARY KEY ("itemId","componentId")
);

-- CreateTable
CREATE TABLE "ItemEvent" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "userId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "field" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "note" TEXT,

    CONSTRAINT "ItemEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "userId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BacklogImport" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BacklogImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreflightRun" (
    "id" UUID NOT NULL,
    "componentId" UUID,
    "imageId" UUID,
    "imageRef" TEXT NOT NULL,
    "imageRefNormalized" TEXT NOT NULL,
    "architecture" TEXT,
    "preflightVersion" TEXT,
    "preflightCommit" TEXT,
    "policy" TEXT,
    "passed" BOOLEAN NOT NULL,
    "certificationHash" TEXT,
    "contentSha256" TEXT NOT NULL,
    "rawResults" JSONB NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PreflightRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckResult" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "outcome" "CheckOutcome" NOT NULL,
    "elapsedMs" DOUBLE PRECISION,
    "description" TEXT,
    "help" TEXT,
    "suggestion" TEXT,
    "knowledgebaseUrl" TEXT,
    "checkUrl" TEXT,

    CONSTRAINT "CheckResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'viewer',
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "role" "TokenRole" NOT NULL,
    "userId" UUID,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");

-- CreateIndex
CREATE INDEX "Component_productId_registry_repository_idx" ON "Component"("productId", "registry", "repository");

-- CreateIndex
CREATE UNIQUE INDEX "Component_productId_slug_key" ON "Component"("productId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "ImageTag_componentId_name_key" ON "ImageTag"("componentId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Image_componentId_digest_architecture_key" ON "Image"("componentId", "digest", "architecture");

-- CreateIndex
CREATE UNIQUE INDEX "Phase_productId_key_key" ON "Phase"("productId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Phase_productId_order_key" ON "Phase"("productId", "order");

-- CreateIndex
CREATE INDEX "BacklogItem_productId_category_status_idx" ON "BacklogItem"("productId", "category", "status");

-- CreateIndex
CREATE INDEX "BacklogItem_phaseId_idx" ON "BacklogItem"("phaseId");

-- CreateIndex
CREATE UNIQUE INDEX "BacklogItem_productId_key_key" ON "BacklogItem"("productId", "key");

-- CreateIndex
CREATE INDEX "ItemComponent_componentId_idx" ON "ItemComponent"("componentId");

-- CreateIndex
CREATE INDEX "ItemEvent_itemId_at_idx" ON "ItemEvent"("itemId", "at");

-- CreateIndex
CREATE INDEX "ItemEvent_at_idx" ON "ItemEvent"("at");

-- CreateIndex
CREATE INDEX "Comment_itemId_createdAt_idx" ON "Comment"("itemId", "createdAt");

-- CreateIndex
CREATE INDEX "BacklogImport_productId_createdAt_idx" ON "BacklogImport"("productId", "createdAt");

-- CreateIndex
CREATE INDEX "PreflightRun_componentId_createdAt_idx" ON "PreflightRun"("componentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PreflightRun_contentSha256_architecture_key" ON "PreflightRun"("contentSha256", "architecture");

-- CreateIndex
CREATE INDEX "CheckResult_runId_idx" ON "CheckResult"("runId");

-- CreateIndex
CREATE INDEX "CheckResult_name_outcome_idx" ON "CheckResult"("name", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_prefix_key" ON "ApiToken"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- AddForeignKey
ALTER TABLE "Component" ADD CONSTRAINT "Component_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageTag" ADD CONSTRAINT "ImageTag_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Phase" ADD CONSTRAINT "Phase_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemComponent" ADD CONSTRAINT "ItemComponent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BacklogItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemComponent" ADD CONSTRAINT "ItemComponent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemEvent" ADD CONSTRAINT "ItemEvent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BacklogItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BacklogItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogImport" ADD CONSTRAINT "BacklogImport_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreflightRun" ADD CONSTRAINT "PreflightRun_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreflightRun" ADD CONSTRAINT "PreflightRun_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckResult" ADD CONSTRAINT "CheckResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PreflightRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
