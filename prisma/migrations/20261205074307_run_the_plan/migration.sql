-- AlterTable
ALTER TABLE "BacklogItem" ADD COLUMN     "assigneeId" UUID,
ADD COLUMN     "authorId" UUID,
ADD COLUMN     "dueDate" DATE;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "mentions" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Phase" ADD COLUMN     "targetDate" DATE;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "hoursPerWeek" DOUBLE PRECISION,
ADD COLUMN     "itemSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "targetDate" DATE;

-- CreateTable
CREATE TABLE "ItemWatcher" (
    "itemId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ItemWatcher_pkey" PRIMARY KEY ("itemId","userId")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ItemWatcher_userId_idx" ON "ItemWatcher"("userId");

-- CreateIndex
CREATE INDEX "SavedView_productId_shared_idx" ON "SavedView"("productId", "shared");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_productId_userId_name_key" ON "SavedView"("productId", "userId", "name");

-- CreateIndex
CREATE INDEX "BacklogItem_assigneeId_idx" ON "BacklogItem"("assigneeId");

-- CreateIndex
CREATE INDEX "BacklogItem_productId_dueDate_idx" ON "BacklogItem"("productId", "dueDate");

-- CreateIndex
CREATE INDEX "Comment_mentions_idx" ON "Comment" USING GIN ("mentions");

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemWatcher" ADD CONSTRAINT "ItemWatcher_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BacklogItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ItemWatcher" ADD CONSTRAINT "ItemWatcher_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Live updates: watching an item notifies like the item's other parts.
CREATE TRIGGER "certboard_notify" AFTER INSERT OR UPDATE OR DELETE ON "ItemWatcher"
  FOR EACH ROW EXECUTE FUNCTION certboard_notify_change('item', '');
