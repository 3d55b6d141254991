-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "restricted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProductMember" (
    "productId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "UserRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductMember_pkey" PRIMARY KEY ("productId","userId")
);

-- CreateTable
CREATE TABLE "ApiTokenProduct" (
    "tokenId" UUID NOT NULL,
    "productId" UUID NOT NULL,

    CONSTRAINT "ApiTokenProduct_pkey" PRIMARY KEY ("tokenId","productId")
);

-- CreateIndex
CREATE INDEX "ProductMember_userId_idx" ON "ProductMember"("userId");

-- CreateIndex
CREATE INDEX "ApiTokenProduct_productId_idx" ON "ApiTokenProduct"("productId");

-- AddForeignKey
ALTER TABLE "ProductMember" ADD CONSTRAINT "ProductMember_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductMember" ADD CONSTRAINT "ProductMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiTokenProduct" ADD CONSTRAINT "ApiTokenProduct_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiTokenProduct" ADD CONSTRAINT "ApiTokenProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
