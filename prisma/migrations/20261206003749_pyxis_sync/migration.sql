-- AlterTable
ALTER TABLE "Component" ADD COLUMN     "redHat" JSONB,
ADD COLUMN     "redHatSyncedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "certified" BOOLEAN,
ADD COLUMN     "grade" TEXT,
ADD COLUMN     "gradeSince" TIMESTAMP(3),
ADD COLUMN     "gradeUntil" TIMESTAMP(3),
ADD COLUMN     "published" BOOLEAN,
ADD COLUMN     "redHatId" TEXT,
ADD COLUMN     "redHatSyncedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ComponentEvent" (
    "id" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "userId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "field" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "note" TEXT,
    "syncId" UUID,

    CONSTRAINT "ComponentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComponentConflict" (
    "id" UUID NOT NULL,
    "componentId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "personValue" JSONB NOT NULL,
    "setBy" TEXT NOT NULL,
    "redHatValue" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dismissedAt" TIMESTAMP(3),
    "dismissedBy" TEXT,

    CONSTRAINT "ComponentConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PyxisConnection" (
    "productId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "sealedKey" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PyxisConnection_pkey" PRIMARY KEY ("productId")
);

-- CreateTable
CREATE TABLE "PyxisSync" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "outcome" TEXT NOT NULL DEFAULT 'running',
    "changes" JSONB NOT NULL DEFAULT '[]',
    "failures" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "PyxisSync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComponentEvent_componentId_at_idx" ON "ComponentEvent"("componentId", "at");

-- CreateIndex
CREATE INDEX "ComponentConflict_componentId_dismissedAt_idx" ON "ComponentConflict"("componentId", "dismissedAt");

-- CreateIndex
CREATE INDEX "PyxisSync_productId_startedAt_idx" ON "PyxisSync"("productId", "startedAt");

-- AddForeignKey
ALTER TABLE "ComponentEvent" ADD CONSTRAINT "ComponentEvent_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentEvent" ADD CONSTRAINT "ComponentEvent_syncId_fkey" FOREIGN KEY ("syncId") REFERENCES "PyxisSync"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentConflict" ADD CONSTRAINT "ComponentConflict_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "Component"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PyxisConnection" ADD CONSTRAINT "PyxisConnection_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PyxisSync" ADD CONSTRAINT "PyxisSync_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
